// Generic block graph of one architecture or sampled path: React draws nodes and edges from archLayout.
import { ChartExport } from './ChartExport.tsx';
import { useId, useMemo, useRef } from 'react';
import type { InputShape, PathBlock } from '../../core/space/types.ts';
import { layoutArch, NODE_H, NODE_ROWS } from '../arch/archLayout.ts';
import type { EdgeLayout, NodeLayout } from '../arch/archLayout.ts';
import { OP_STYLES } from '../ops.ts';
import type { AnyOp } from '../ops.ts';
import { useElementWidth } from '../hooks/useElementWidth.ts';
import { describeBlock } from './archText.ts';

export interface ArchGraphProps {
  blocks: readonly PathBlock[];
  /** Raw input shape, shown on the input node when known. */
  input?: InputShape | undefined;
  /** Accessible name of the whole graph. */
  title: string;
}

/** The block graph: raw input, blocks in order, used edges dark, unused faint, dead blocks grey. */
export function ArchGraph({ blocks, input, title }: ArchGraphProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 900);
  const layout = useMemo(() => layoutArch(blocks, width), [blocks, width]);
  const ids = `arch${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <div className="arch-graph" ref={wrapRef} data-chart>
      <ChartExport title={title} />
      <svg width={layout.width} height={layout.height} role="group" aria-label={title}>
        <ArrowMarkers ids={ids} />
        <HatchPatterns ids={ids} />
        <g className="edges">
          {layout.edges.map((e) => (
            <Edge key={e.key} edge={e} ids={ids} />
          ))}
        </g>
        {layout.nodes.map((n) => {
          const block = n.index > 0 ? blocks[n.index - 1] : undefined;
          return block ? <BlockNode key={n.index} node={n} block={block} ids={ids} /> : <InputNode key={0} node={n} input={input} />;
        })}
        {layout.output && (
          <g className="output">
            <line x1={layout.output.x1} x2={layout.output.x2} y1={layout.output.y} y2={layout.output.y} markerEnd={`url(#${ids}-arrow-used)`} />
            <text x={layout.output.x2 - 2} y={layout.output.y - 6} textAnchor="end">
              output
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}

function ArrowMarkers({ ids }: { ids: string }) {
  return (
    <defs>
      {(['used', 'unused'] as const).map((k) => (
        <marker key={k} id={`${ids}-arrow-${k}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className={`arrow-${k}`} />
        </marker>
      ))}
    </defs>
  );
}

const EDGE_TAG: Partial<Record<EdgeLayout['kind'], string>> = { left: 'L', right: 'R', leftright: 'L=R' };

function Edge({ edge, ids }: { edge: EdgeLayout; ids: string }) {
  const kindClass = edge.kind === 'sparse' ? 'edge-sparse' : edge.kind === 'dense' ? 'edge-dense' : 'edge-lr';
  const tag = EDGE_TAG[edge.kind];
  return (
    <g className={`edge ${kindClass}${edge.used ? '' : ' edge-unused'}`} data-kind={edge.kind} data-from={edge.from} data-to={edge.to}>
      <path d={edge.d} fill="none" markerEnd={`url(#${ids}-arrow-${edge.used ? 'used' : 'unused'})`} />
      {tag && edge.labelAt && (
        <text x={edge.labelAt.x} y={edge.labelAt.y} className="edge-tag">
          {tag}
        </text>
      )}
    </g>
  );
}

/** A row of equal coloured segments, one per active op, each with its short name. */
function OpRow({ ops, x, y, width, height, ids, dead }: { ops: readonly AnyOp[]; x: number; y: number; width: number; height: number; ids: string; dead: boolean }) {
  const seg = width / Math.max(ops.length, 1);
  return (
    <g className="op-row">
      {ops.map((op, k) => {
        const s = OP_STYLES[op];
        return (
          <g key={op} data-op={op}>
            <rect x={x + k * seg} y={y} width={seg} height={height} fill={dead ? '#d9dce1' : s.color} fillOpacity={dead ? 1 : 0.28} />
            {!dead && s.texture === 'hatch' && <rect x={x + k * seg} y={y} width={seg} height={height} fill={`url(#${ids}-hatch-${op})`} />}
            <text x={x + k * seg + seg / 2} y={y + height / 2 + 4} textAnchor="middle" className="op-name">
              {s.short}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function HatchPatterns({ ids }: { ids: string }) {
  return (
    <defs>
      {Object.values(OP_STYLES)
        .filter((s) => s.texture === 'hatch')
        .map((s) => (
          <pattern key={s.op} id={`${ids}-hatch-${s.op}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="2" strokeOpacity="0.6" />
          </pattern>
        ))}
    </defs>
  );
}

function BlockNode({ node, block, ids }: { node: NodeLayout; block: PathBlock; ids: string }) {
  const { x, y, width } = node;
  const dead = !node.alive;
  const i = node.index - 1;
  const titleY = y + NODE_ROWS.denseOp;
  const dimsY = titleY + NODE_ROWS.title;
  const flagsY = dimsY + NODE_ROWS.dims;
  const sparseY = flagsY + NODE_ROWS.flags;
  const flags = dead ? 'unused' : [block.interact ? 'D→S' : '', block.deepFm ? 'FM' : ''].filter(Boolean).join(' · ');
  const description = describeBlock(block, i, dead);
  return (
    <g
      className={`block${dead ? ' dead' : ''}`}
      data-block={i}
      data-dense-op={block.denseOps.join('+')}
      data-sparse-op={block.sparseOps.join('+')}
      data-dense-dim={block.denseDim}
      data-sparse-dim={block.sparseDim}
      data-interact={block.interact}
      data-deep-fm={block.deepFm}
      data-dead={dead}
      tabIndex={0}
      aria-label={description}
    >
      <title>{description}</title>
      <rect className="block-frame" x={x} y={y} width={width} height={NODE_H} rx={4} />
      <OpRow ops={block.denseOps} x={x} y={y} width={width} height={NODE_ROWS.denseOp} ids={ids} dead={dead} />
      <OpRow ops={block.sparseOps} x={x} y={sparseY} width={width} height={NODE_ROWS.sparseOp} ids={ids} dead={dead} />
      <text x={x + 5} y={titleY + 13} className="block-title">
        Block {i + 1}
      </text>
      <text x={x + 5} y={dimsY + 11} className="block-dims">
        d={block.denseDim} · s={block.sparseDim}
      </text>
      {flags && (
        <text x={x + 5} y={flagsY + 11} className="block-flags">
          {flags}
        </text>
      )}
      <rect className="block-outline" x={x} y={y} width={width} height={NODE_H} rx={4} fill="none" />
    </g>
  );
}

function InputNode({ node, input }: { node: NodeLayout; input: InputShape | undefined }) {
  const { x, y, width } = node;
  const titleY = y + NODE_ROWS.denseOp;
  const sparseY = y + NODE_H - NODE_ROWS.sparseOp;
  return (
    <g className="input-node" data-block="input">
      <rect className="block-frame" x={x} y={y} width={width} height={NODE_H} rx={4} />
      <text x={x + width / 2} y={y + 15} textAnchor="middle" className="op-name">
        {input ? `${input.dense} dense` : 'dense'}
      </text>
      <text x={x + 5} y={titleY + 13} className="block-title">
        Raw input
      </text>
      <text x={x + 5} y={titleY + NODE_ROWS.title + 12} className="block-dims">
        features
      </text>
      <text x={x + width / 2} y={sparseY + 15} textAnchor="middle" className="op-name">
        {input ? `${input.sparse} embeddings` : 'embeddings'}
      </text>
      <rect className="block-outline" x={x} y={y} width={width} height={NODE_H} rx={4} fill="none" />
    </g>
  );
}
