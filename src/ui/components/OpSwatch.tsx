// A small square in an operator's colour and texture (hatched for sparse ops), for legends and choices.
import { useId } from 'react';
import { OP_STYLES } from '../ops.ts';
import type { AnyOp } from '../ops.ts';

/** 14 px swatch; decorative (the op's name is always written next to it). */
export function OpSwatch({ op, size = 14 }: { op: AnyOp; size?: number }) {
  const s = OP_STYLES[op];
  const id = `swatch-${op}${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <svg width={size} height={size} aria-hidden="true" className="op-swatch">
      {s.texture === 'hatch' && (
        <defs>
          <pattern id={id} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="5" height="5" fill={s.color} fillOpacity="0.35" />
            <line x1="0" y1="0" x2="0" y2="5" stroke={s.color} strokeWidth="2.5" />
          </pattern>
        </defs>
      )}
      <rect width={size} height={size} fill={s.texture === 'hatch' ? `url(#${id})` : s.color} stroke={s.color} />
    </svg>
  );
}

/** The operator legend, shown once per panel: swatch, short name and full name of each op. */
export function OpLegend({ ops }: { ops: readonly AnyOp[] }) {
  return (
    <ul className="chart-legend op-legend" aria-label="Operator colours">
      {ops.map((op) => (
        <li key={op}>
          <OpSwatch op={op} />
          <strong>{OP_STYLES[op].short}</strong> {OP_STYLES[op].name}
        </li>
      ))}
    </ul>
  );
}
