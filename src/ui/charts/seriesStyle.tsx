// Fills for chart series that do not rely on colour alone: a colour plus an optional hatch pattern.
import type { ReactNode } from 'react';

/** How one series (group of marks) looks: an accessible colour and a texture. */
export interface SeriesStyle {
  key: string;
  /** Legend text. */
  label: string;
  /** A colour from a colour-blind-safe palette (e.g. Okabe–Ito). */
  color: string;
  /** `hatch` adds diagonal stripes so the series reads without colour. */
  texture: 'solid' | 'hatch';
}

/** The `fill` value for a series: its colour, or the hatch pattern defined by `SeriesPatterns`. */
export function seriesFill(style: SeriesStyle, idPrefix: string): string {
  return style.texture === 'hatch' ? `url(#${idPrefix}-${style.key})` : style.color;
}

/** `<defs>` with one pattern per hatched series; ids are `${idPrefix}-${key}`. */
export function SeriesPatterns({ styles, idPrefix }: { styles: SeriesStyle[]; idPrefix: string }) {
  return (
    <defs>
      {styles
        .filter((s) => s.texture === 'hatch')
        .map((s) => (
          <pattern key={s.key} id={`${idPrefix}-${s.key}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={s.color} fillOpacity="0.35" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="3" />
          </pattern>
        ))}
    </defs>
  );
}

/** A legend: one swatch (same fill as the marks) and a text label per series. */
export function SeriesLegend({ styles, idPrefix }: { styles: SeriesStyle[]; idPrefix: string }): ReactNode {
  return (
    <ul className="chart-legend">
      {styles.map((s) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true">
            <SeriesPatterns styles={[s]} idPrefix={`${idPrefix}-legend`} />
            <rect width="14" height="14" fill={seriesFill(s, `${idPrefix}-legend`)} stroke={s.color} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
