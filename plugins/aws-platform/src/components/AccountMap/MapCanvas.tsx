import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import {
  FocusEvent,
  KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { AccountTile, useTileStyles, useTileText } from './AccountTile';
import { FlowLines } from './FlowLines';
import { RoutedEdge } from './model/edgeGeometry';
import { GroupSummary } from './model/groupSummaries';
import { labelObstacles } from './model/labelPlacement';
import { MAP_METRICS, MapLayout } from './model/mapLayout';
import { AccountMapModel } from './model/mapModel';
import { FocusItem, isNavigationKey, nextFocus } from './model/mapNavigation';
import { MapView, scrollToShow, tilesInView } from './model/mapWindow';
import { OuBox } from './OuBox';

const useStyles = makeStyles(theme => ({
  plane: { position: 'relative' },
  instructions: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  noMatch: {
    padding: theme.spacing(4),
    color: theme.palette.text.secondary,
  },
}));

/** Props of {@link MapCanvas}. */
export interface MapCanvasProps {
  model: AccountMapModel;
  layout: MapLayout;
  summaries: ReadonlyMap<string, GroupSummary>;
  /** What every account name starts with, left out of the tiles. */
  namePrefix: string;
  edges: RoutedEdge[];
  highlighted?: RoutedEdge[];
  activeRef?: string;
  focus: { accountRef?: string; groupId?: string };
  hrefOf(ref: string): string;
  onToggle(groupId: string): void;
  onActivate(ref: string): void;
  /** Esc: no account is selected any more. */
  onDeactivate(): void;
  /** The element that scrolls the map; with it, a large map renders only the tiles in view. */
  scrollContainer?: HTMLElement | null;
}

/**
 * The map itself: OU boxes, flow lines and account tiles, absolutely placed
 * from the layout. One tab stop: arrow keys, Home and End move a roving
 * focus between OU headers and tiles (see `nextFocus`).
 */
export function MapCanvas(props: MapCanvasProps) {
  const { model, layout, summaries } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const idPrefix = `account-map-${useId().replace(/:/g, '')}`;
  const [current, setCurrent] = useState<string>();
  const tileClasses = useTileStyles();
  const tileText = useTileText(props.namePrefix);
  const texts = useMemo(
    () =>
      new Map(
        layout.tiles.map(tile => [
          tile.ref,
          tileText(model.accounts.get(tile.ref)!),
        ]),
      ),
    // The words change with the tiles shown, not with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout, model],
  );

  const obstacles = useMemo(() => labelObstacles(layout), [layout]);

  // Items in reading order: each OU's header, its tiles, then its children.
  const { items, domIds } = useMemo(() => {
    const tilesOf = new Map<string, FocusItem[]>();
    for (const tile of layout.tiles) {
      const list = tilesOf.get(tile.groupId) ?? [];
      list.push({ id: `a:${tile.ref}`, rect: tile });
      tilesOf.set(tile.groupId, list);
    }
    const list: FocusItem[] = [];
    for (const box of layout.groups) {
      const header = {
        x: box.x,
        y: box.y,
        width: box.width,
        height: MAP_METRICS.header,
      };
      list.push({ id: `g:${box.id}`, rect: header });
      if (model.groups.get(box.id)?.ref) {
        list.push({
          id: `o:${box.id}`,
          rect: { ...header, x: box.x + box.width - 36, width: 36 },
        });
      }
      list.push(...(tilesOf.get(box.id) ?? []));
    }
    return {
      items: list,
      domIds: new Map(list.map((item, i) => [item.id, `${idPrefix}-${i}`])),
    };
  }, [layout, model, idPrefix]);

  const stop =
    current && domIds.has(current)
      ? current
      : (props.focus.accountRef && `a:${props.focus.accountRef}`) ||
        items[0]?.id;
  const tabIndex = (id: string) => (id === stop ? 0 : -1);

  // The part of the plane on screen, for rendering only the tiles near it.
  const plane = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<MapView>();
  const { scrollContainer } = props;
  useEffect(() => {
    if (!scrollContainer) return undefined;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const box = plane.current?.getBoundingClientRect();
      const port = scrollContainer.getBoundingClientRect();
      if (!box) return;
      const top = Math.max(port.top, 0);
      const bottom = Math.min(port.bottom, window.innerHeight);
      setView({ top: top - box.top, height: Math.max(0, bottom - top) });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    scrollContainer.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      scrollContainer.removeEventListener('scroll', schedule);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [scrollContainer, layout]);
  const stopRef = stop?.startsWith('a:') ? stop.slice(2) : undefined;
  const rendered = useMemo(
    () => tilesInView(layout.tiles, view, new Set(stopRef ? [stopRef] : [])),
    [layout, view, stopRef],
  );

  const rectOf = useMemo(
    () => new Map(items.map(item => [item.id, item.rect])),
    [items],
  );
  // Brings an item into view; the scroll renders its tile if it was not.
  const reveal = useCallback(
    (id: string) => {
      const rect = rectOf.get(id);
      if (!rect || !scrollContainer || !view) return;
      const by = scrollToShow(rect, view);
      if (by !== 0) scrollContainer.scrollTop += by;
    },
    [rectOf, scrollContainer, view],
  );

  const onFocusItem = useCallback((event: FocusEvent<HTMLElement>) => {
    const id = event.currentTarget.getAttribute('data-item');
    if (id) setCurrent(id);
  }, []);

  // Focus follows the arrow keys once the target is rendered.
  const pendingFocus = useRef<string>();
  useEffect(() => {
    const id = pendingFocus.current;
    const element = id && document.getElementById(domIds.get(id)!);
    if (element) {
      pendingFocus.current = undefined;
      element.focus({ preventScroll: true });
    }
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      props.onDeactivate();
      return;
    }
    if (!isNavigationKey(event.key)) return;
    const next = nextFocus(items, stop, event.key);
    event.preventDefault();
    if (!next) return;
    pendingFocus.current = next;
    setCurrent(next);
    reveal(next);
    document.getElementById(domIds.get(next)!)?.focus();
  };

  // An entity page's map scrolls to the account or OU it is about, once.
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current) return;
    const target = props.focus.accountRef
      ? `a:${props.focus.accountRef}`
      : props.focus.groupId && `g:${props.focus.groupId}`;
    const element = target && document.getElementById(domIds.get(target)!);
    if (element) {
      scrolled.current = true;
      element.scrollIntoView?.({ block: 'center', inline: 'center' });
    }
  }, [props.focus, domIds]);

  if (layout.tiles.length === 0 && layout.groups.length === 0) {
    return <div className={classes.noMatch}>{t('accountMap.noMatch')}</div>;
  }

  const instructionsId = `${idPrefix}-instructions`;
  return (
    // The region only receives the arrow keys bubbling up from its tiles
    // and OU buttons (the roving focus of a composite widget); every
    // element that takes focus is a native link or button.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="region"
      aria-label={t('accountMap.canvasLabel')}
      aria-describedby={instructionsId}
      ref={plane}
      className={classes.plane}
      style={{ width: layout.width, height: layout.height }}
      onKeyDown={onKeyDown}
    >
      <span id={instructionsId} className={classes.instructions}>
        {t('accountMap.instructions')}
      </span>
      {layout.groups.map(box => {
        const group = model.groups.get(box.id)!;
        return (
          <OuBox
            key={box.id}
            group={group}
            box={box}
            summary={summaries.get(box.id)!}
            href={group.ref && props.hrefOf(group.ref)}
            toggleId={domIds.get(`g:${box.id}`)!}
            linkId={domIds.get(`o:${box.id}`) ?? ''}
            toggleTabIndex={tabIndex(`g:${box.id}`)}
            linkTabIndex={tabIndex(`o:${box.id}`)}
            focusTarget={props.focus.groupId === box.id}
            onToggle={props.onToggle}
            onFocusItem={onFocusItem}
          />
        );
      })}
      <FlowLines
        idPrefix={idPrefix}
        width={layout.width}
        height={layout.height}
        edges={props.edges}
        highlighted={props.highlighted}
        obstacles={obstacles}
      />
      {rendered.map(box => (
        <AccountTile
          key={box.ref}
          account={model.accounts.get(box.ref)!}
          box={box}
          text={texts.get(box.ref)!}
          href={props.hrefOf(box.ref)}
          domId={domIds.get(`a:${box.ref}`)!}
          tabIndex={tabIndex(`a:${box.ref}`)}
          active={props.activeRef === box.ref}
          focusTarget={props.focus.accountRef === box.ref}
          classes={tileClasses}
          onActivate={props.onActivate}
          onFocusItem={onFocusItem}
        />
      ))}
    </div>
  );
}
