import { Rect, TileBox } from './mapLayout';

/** Below this many tiles every tile is rendered; above, only those near the view. */
export const WINDOW_ABOVE_TILES = 240;

/** Tiles this far (px) above or below the view are rendered too, for smooth scrolling. */
export const WINDOW_MARGIN = 480;

/** The part of the map's plane on screen, in plane coordinates. */
export interface MapView {
  top: number;
  height: number;
}

/**
 * The tiles to render: all of them in a small map, else those within the
 * view and its margin, plus `keep` (the tile holding the keyboard focus
 * stop, so the map keeps its tab stop). Linear in the number of tiles.
 */
export function tilesInView(
  tiles: readonly TileBox[],
  view: MapView | undefined,
  keep: ReadonlySet<string>,
): readonly TileBox[] {
  if (!view || view.height <= 0 || tiles.length <= WINDOW_ABOVE_TILES) {
    return tiles;
  }
  const top = view.top - WINDOW_MARGIN;
  const bottom = view.top + view.height + WINDOW_MARGIN;
  return tiles.filter(
    tile =>
      keep.has(tile.ref) || (tile.y + tile.height >= top && tile.y <= bottom),
  );
}

/** How far to scroll (px, positive down) to bring a rectangle into the view. */
export function scrollToShow(rect: Rect, view: MapView): number {
  if (rect.y < view.top) return rect.y - view.top - 16;
  const below = rect.y + rect.height - (view.top + view.height);
  return below > 0 ? below + 16 : 0;
}
