// A D3 axis drawn inside a React-owned <g>: React places the group, d3-axis fills it.
import { useLayoutEffect, useRef } from 'react';
import { axisBottom, axisLeft } from 'd3-axis';
import type { AxisDomain, AxisScale } from 'd3-axis';
import { select } from 'd3-selection';

export interface AxisProps<D extends AxisDomain> {
  scale: AxisScale<D>;
  orient: 'left' | 'bottom';
  /** SVG transform placing the axis, e.g. `translate(0, 200)`. */
  transform?: string;
  /** Tick count hint passed to `axis.ticks` (with `tickSpecifier`, a d3-format specifier). */
  tickCount?: number;
  tickSpecifier?: string;
  /** Label text of each tick (overrides the specifier). */
  tickFormat?: (value: D) => string;
  /** Turn tick labels −60° (long category names on a bottom axis). */
  rotateLabels?: boolean;
}

/** Renders an axis for `scale`; redraws whenever the scale or options change. */
export function Axis<D extends AxisDomain>({ scale, orient, transform, tickCount, tickSpecifier, tickFormat, rotateLabels }: AxisProps<D>) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const axis = orient === 'left' ? axisLeft(scale) : axisBottom(scale);
    if (tickCount !== undefined) axis.ticks(tickCount, tickSpecifier);
    if (tickFormat) axis.tickFormat(tickFormat);
    const g = select(ref.current);
    g.call(axis);
    if (rotateLabels) {
      g.selectAll<SVGTextElement, D>('.tick text')
        .attr('transform', 'rotate(-60)')
        .attr('text-anchor', 'end')
        .attr('dx', '-0.5em')
        .attr('dy', '0.1em');
    }
  }, [scale, orient, tickCount, tickSpecifier, tickFormat, rotateLabels]);
  return <g ref={ref} className="axis" transform={transform} />;
}
