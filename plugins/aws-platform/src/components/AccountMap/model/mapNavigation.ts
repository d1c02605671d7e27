import { Rect } from './mapLayout';

/** Something on the map that takes keyboard focus: an OU toggle or an account tile. */
export interface FocusItem {
  id: string;
  rect: Rect;
}

/** Keys that move the focus on the map. */
export const NAVIGATION_KEYS = [
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
] as const;

/** One of {@link NAVIGATION_KEYS}. */
export type NavigationKey = (typeof NAVIGATION_KEYS)[number];

/** Whether a key moves the focus on the map. */
export function isNavigationKey(key: string): key is NavigationKey {
  return (NAVIGATION_KEYS as readonly string[]).includes(key);
}

/**
 * Where the focus goes from `currentId` on a key press. Left and right step
 * through the map in reading order (an OU's header, its accounts, then its
 * child OUs); up and down go to the nearest item above or below, as the eye
 * would; Home and End to the first and last item. Undefined: stay.
 */
export function nextFocus(
  items: readonly FocusItem[],
  currentId: string | undefined,
  key: NavigationKey,
): string | undefined {
  if (items.length === 0) return undefined;
  const index = items.findIndex(item => item.id === currentId);
  if (key === 'Home' || index < 0) return items[0].id;
  if (key === 'End') return items[items.length - 1].id;
  if (key === 'ArrowRight') return items[index + 1]?.id;
  if (key === 'ArrowLeft') return items[index - 1]?.id;

  const current = items[index].rect;
  const down = key === 'ArrowDown';
  const middle = current.y + current.height / 2;
  let best: { id: string; score: number; dx: number } | undefined;
  for (const item of items) {
    const rect = item.rect;
    const below = rect.y >= middle;
    const above = rect.y + rect.height <= middle;
    if (down ? !below : !above) continue;
    const vertical = down
      ? Math.max(0, rect.y - (current.y + current.height))
      : Math.max(0, current.y - (rect.y + rect.height));
    const horizontal = Math.max(
      0,
      rect.x - (current.x + current.width),
      current.x - (rect.x + rect.width),
    );
    const score = vertical + 3 * horizontal;
    const dx = Math.abs(
      rect.x + rect.width / 2 - (current.x + current.width / 2),
    );
    if (!best || score < best.score || (score === best.score && dx < best.dx)) {
      best = { id: item.id, score, dx };
    }
  }
  return best?.id;
}
