// `cli cost`: per-example parameters and FLOPs of an architecture file (playground or official NasRec config).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { archFromJson, parseJsonText } from '../../core/space/archJson.ts';
import { archKey } from '../../core/space/arch.ts';
import { archCost, type ArchCost } from '../../core/space/cost.ts';
import { ArchError, SpaceError } from '../../core/space/errors.ts';
import { deadBlocks } from '../../core/space/liveness.ts';
import { archFromNasrecJson, isNasrecJson } from '../../core/space/nasrecJson.ts';
import { SPACE_PRESETS } from '../../core/space/presets.ts';
import type { Arch, InputShape, PresetName, SpaceConfig } from '../../core/space/types.ts';
import { enumOption, intOption, UsageError } from '../args.ts';

export const COST_HELP = `cost <arch.json> [--space full|small|tiny] [--dense N] [--sparse M] [--layernorm] [--json]
  Counts the non-embedding parameters and per-example FLOPs (linear + bmm MACs + 5·numel per LayerNorm)
  of an architecture's standalone network, live graph only, as the NASRec README does. Reads a playground
  architecture file ({version, space?, blocks}) or an official NasRec config (num_blocks, macro, micro),
  which is counted in the paper-scale space of its "config" (xlarge = Full, autoctr = Small).
  --space NAME     space of a playground file that embeds none (default full)
  --dense N        raw dense features (default 13, Criteo; Avazu 1, KDD 3)
  --sparse M       categorical fields (default 26, Criteo; Avazu 23, KDD 10)
  --layernorm      count LayerNorm after projections (final models have it off)`;

interface Loaded {
  arch: Arch;
  space: SpaceConfig;
  format: 'playground' | 'nasrec';
  config?: string;
}

function load(text: string, preset: PresetName | undefined): Loaded {
  const json = parseJsonText(text);
  if (isNasrecJson(json)) {
    if (preset) throw new UsageError('--space applies to playground files; a NasRec config is counted in the paper-scale space of its "config"');
    const { arch, space, config } = archFromNasrecJson(json);
    return { arch, space, format: 'nasrec', config };
  }
  const { arch, space } = archFromJson(json, SPACE_PRESETS[preset ?? 'full']);
  return { arch, space, format: 'playground' };
}

export async function costCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      space: { type: 'string' },
      dense: { type: 'string' },
      sparse: { type: 'string' },
      layernorm: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) throw new UsageError('cost needs exactly one architecture file');
  const preset = enumOption(values.space, 'space', ['full', 'small', 'tiny'] as const);
  const input: InputShape = { dense: intOption(values.dense, 'dense', 13, 1), sparse: intOption(values.sparse, 'sparse', 26, 1) };
  const layerNorm = values.layernorm;
  const text = readFileSync(file, 'utf8');
  let loaded: Loaded;
  try {
    loaded = load(text, preset);
  } catch (err) {
    if (!(err instanceof ArchError || err instanceof SpaceError)) throw err;
    process.stderr.write(`error: ${basename(file)}: ${err.message}\n`);
    return 1;
  }
  const { arch, ...meta } = loaded;
  const cost = archCost(arch, meta.space, input, { layerNorm });
  const report = { source: basename(file), ...meta, archKey: archKey(arch), input, layerNorm, deadBlocks: deadBlocks(arch), ...cost };
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatCost(report));
  return 0;
}

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const millions = (n: number) => `${(n / 1e6).toFixed(3)}M`;

/** A plain-text report of the cost. */
export function formatCost(r: ArchCost & Omit<Loaded, 'arch'> & { source: string; input: InputShape; layerNorm: boolean; deadBlocks: number[] }): string {
  const what = r.format === 'nasrec' ? `NasRec config "${r.config ?? '?'}", paper scale` : `playground file, space ${r.space.preset}`;
  const lines = [
    `source      ${r.source} (${what})`,
    `input       ${r.input.dense} dense, ${r.input.sparse} categorical; LayerNorm ${r.layerNorm ? 'on' : 'off'}`,
    `params      ${group(r.params)} (${millions(r.params)}, non-embedding, live graph)`,
    `flops       ${group(r.flops)} (${millions(r.flops)} per example)`,
    `dead blocks ${r.deadBlocks.length > 0 ? r.deadBlocks.join(', ') : 'none'}`,
    '',
    'block       params       flops',
    ...r.perBlock.map((c, i) => `${String(i).padEnd(6)}${group(c.params).padStart(12)}${group(c.flops).padStart(12)}`),
    `${'final'.padEnd(6)}${group(r.final.params).padStart(12)}${group(r.final.flops).padStart(12)}`,
  ];
  return `${lines.join('\n')}\n`;
}
