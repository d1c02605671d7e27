/**
 * How an OU box's header says how many accounts it holds: "4 accounts"
 * where the header has room for it beside the OU's name, else the number
 * alone, so that neither is cut (the box's label and tooltip keep the
 * whole phrase).
 *
 * Widths are estimated from the header's type (the name bold at 14 px, the
 * count at 12 px) with generous average glyph widths, since the layout is
 * computed before anything is drawn.
 */
export type OuHeaderCount = 'phrase' | 'number';

/** Average glyph width of the OU name (bold, 14 px), wide letters allowed for. */
const NAME_GLYPH_PX = 9;
/** Average glyph width of the count (12 px). */
const COUNT_GLYPH_PX = 7;
/**
 * The header's fixed parts: its padding, the toggle's padding and chevron,
 * the count's margin and the link to the OU's entity.
 */
const HEADER_CHROME_PX = 84;

/** The form of the count that fits in a header `width` pixels wide. */
export function ouHeaderCount(
  name: string,
  phrase: string,
  width: number,
): OuHeaderCount {
  const needed =
    HEADER_CHROME_PX +
    name.length * NAME_GLYPH_PX +
    phrase.length * COUNT_GLYPH_PX;
  return needed <= width ? 'phrase' : 'number';
}
