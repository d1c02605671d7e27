/**
 * React's warnings about what a component does wrong (not about the
 * libraries the suite uses: MUI's findDOMNode, JSS, material-table's
 * defaultProps). React writes them with console.error, as a template
 * (`%s` placeholders) and its arguments.
 */
const SUITE_WARNINGS = [
  /A component is changing an? (un)?controlled input/,
  /Each child in a list should have a unique "key" prop/,
  /validateDOMNesting/,
  /Invalid ARIA attribute|Invalid aria prop/,
  /Received `.*` for a non-boolean attribute/,
  /React does not recognize the `.*` prop on a DOM element/,
  /Failed (%s|prop) type/,
  /Cannot update a component .* while rendering a different component/,
];

/** Whether console.error's arguments are one of those warnings. */
export function isComponentWarning(args: unknown[]): boolean {
  const text = args.map(String).join(' ');
  return SUITE_WARNINGS.some(pattern => pattern.test(text));
}
