/*
 * What a legacy app adds to its App.tsx and EntityPage.tsx, as the README's
 * "Install in a legacy app" section shows it: the legacy tests render
 * exactly this. Keep the README in step when this changes.
 */
import { FlatRoutes } from '@backstage/core-app-api';
import { Sidebar, SidebarItem } from '@backstage/core-components';
import { EntityLayout, EntitySwitch } from '@backstage/plugin-catalog';
import AssignmentIndIcon from '@material-ui/icons/AssignmentInd';
import CloudIcon from '@material-ui/icons/Cloud';
import { Route } from 'react-router-dom';
import {
  AwsAccountMapPage,
  AwsOwnershipPage,
  AwsPlatformPage,
  AwsRenderedFilesPage,
  EntityAwsAccountCard,
  EntityAwsAccountMapContent,
  EntityAwsBackupCard,
  EntityAwsServiceCard,
  EntityDnsZoneCard,
  EntityEksClusterCard,
  isAwsAccountEntity,
  isAwsAccountMapEntity,
  isAwsServiceEntity,
  isBackupEntity,
  isDnsZoneEntity,
  isEksClusterEntity,
} from '../index';

/** The app's routes (App.tsx). */
export const routes = (
  <FlatRoutes>
    <Route path="/aws-platform" element={<AwsPlatformPage />} />
    <Route path="/aws-platform/map" element={<AwsAccountMapPage />} />
    <Route path="/aws-platform/ownership" element={<AwsOwnershipPage />} />
    <Route
      path="/aws-platform/rendered-files/:taskId"
      element={<AwsRenderedFilesPage />}
    />
  </FlatRoutes>
);

/** The sidebar items (Root.tsx, inside the app's `<Sidebar>`). */
export const sidebarItems = (
  <Sidebar>
    <SidebarItem icon={CloudIcon} to="aws-platform" text="AWS Platform" />
    <SidebarItem
      icon={AssignmentIndIcon}
      to="aws-platform/ownership"
      text="Ownership"
    />
  </Sidebar>
);

/** The entity page's AWS cards (EntityPage.tsx, e.g. in the overview grid). */
export const awsEntityCards = (
  <EntitySwitch>
    <EntitySwitch.Case if={isAwsAccountEntity}>
      <EntityAwsAccountCard />
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isEksClusterEntity}>
      <EntityEksClusterCard />
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isDnsZoneEntity}>
      <EntityDnsZoneCard />
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isBackupEntity}>
      <EntityAwsBackupCard />
    </EntitySwitch.Case>
  </EntitySwitch>
);

/**
 * The AWS card of services (EntityPage.tsx, in the component page's
 * overview grid, e.g. above the relations graph).
 */
export const awsServiceCard = (
  <EntitySwitch>
    <EntitySwitch.Case if={isAwsServiceEntity}>
      <EntityAwsServiceCard />
    </EntitySwitch.Case>
  </EntitySwitch>
);

/** The account map tab (EntityPage.tsx, in the resource page's layout). */
export const accountMapTab = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {awsEntityCards}
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/account-map"
      title="Account map"
      if={isAwsAccountMapEntity}
    >
      <EntityAwsAccountMapContent />
    </EntityLayout.Route>
  </EntityLayout>
);
