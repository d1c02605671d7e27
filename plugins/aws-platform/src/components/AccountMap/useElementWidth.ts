import { useCallback, useLayoutEffect, useState } from 'react';

/**
 * The content width of an element, kept up to date while it resizes;
 * `fallback` until it is measured (and where there is no layout, as in
 * jsdom). Also returns the element once it is mounted.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
): [(element: T | null) => void, number, T | null] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((node: T | null) => setElement(node), []);
  useLayoutEffect(() => {
    if (!element) return undefined;
    const measure = () => setWidth(element.clientWidth || fallback);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, fallback]);
  return [ref, width, element];
}
