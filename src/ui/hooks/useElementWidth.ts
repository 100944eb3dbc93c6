// Tracks an element's content width with a ResizeObserver, so charts fill their container.
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The current content width of `ref`'s element in CSS pixels (`fallback` until measured). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
