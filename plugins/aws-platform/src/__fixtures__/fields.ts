/**
 * The text of the value a card shows for a label (the `dd` after the `dt`
 * of a field list), or undefined when no field has that label.
 */
export function fieldValue(label: string): string | undefined {
  const term = Array.from(document.querySelectorAll('dt')).find(
    dt => dt.textContent === label,
  );
  return term?.nextElementSibling?.textContent ?? undefined;
}
