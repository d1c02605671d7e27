import { SidebarItem } from '@backstage/core-components';
import type { NavContentNavItem } from '@backstage/plugin-app-react';
import { useLocation } from 'react-router-dom';

/**
 * A sidebar item that is highlighted only when its page is the closest one
 * to the current path: on `/aws-platform/access` the Access item, not the
 * AWS Platform item whose path holds it; on `/aws-platform/map` (a tab of
 * the AWS Platform page, no item of its own) the AWS Platform item.
 */
export function NavSidebarItem(props: {
  item: NavContentNavItem;
  /** Every nav item's path. */
  hrefs: readonly string[];
}) {
  const { item, hrefs } = props;
  const { pathname } = useLocation();
  const closest = hrefs
    .filter(href => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <SidebarItem
      icon={() => item.icon}
      to={item.href}
      text={item.title}
      end={closest !== undefined && closest !== item.href}
    />
  );
}
