// `cli data`: loads a file (or the built-in sample) exactly as the app does and prints its statistics.
import { parseArgs } from 'node:util';
import { loadDataset } from '../../core/data/loader.ts';
import { DEFAULT_SAMPLE_ROWS } from '../../core/data/synthetic/index.ts';
import type { DatasetStats, FieldKind, LoadOptions } from '../../core/data/types.ts';
import { toSeed } from '../../core/rng.ts';
import { enumOption, intOption, UsageError } from '../args.ts';
import { fileSource, sampleSource } from '../nodeSource.ts';

export const DATA_HELP = `data <file> [--format criteo|avazu|csv] [--label COL] [--json]
data --sample [--rows N] [--seed S] [--json]
  Loads a CTR file (Criteo TSV, Avazu CSV, CSV/TSV with a header; gzip allowed) or the built-in
  sample and prints rows, label rates, splits, per-field statistics and bad rows.
  --split random|file-order   80/10/10 split (default random, seeded by --seed)
  --seed S                    run seed: split, and the sample generator (default 1)
  --rows N                    sample rows (default ${DEFAULT_SAMPLE_ROWS})
  --bucket-cap N              max embedding rows per categorical field (default 65536)
  --kind NAME=dense|categorical   override a CSV column's kind (repeatable)`;

export async function dataCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean', default: false },
      sample: { type: 'boolean', default: false },
      rows: { type: 'string' },
      seed: { type: 'string' },
      split: { type: 'string' },
      'bucket-cap': { type: 'string' },
      kind: { type: 'string', multiple: true },
    },
  });
  const seed = intOption(values.seed, 'seed', 1);
  const format = enumOption(values.format, 'format', ['criteo', 'avazu', 'csv'] as const);
  const split = enumOption(values.split, 'split', ['random', 'file-order'] as const) ?? 'random';
  const options: LoadOptions = {
    ...(format ? { format } : {}),
    ...(values.label !== undefined ? { label: values.label } : {}),
    ...(values['bucket-cap'] !== undefined ? { bucketCap: intOption(values['bucket-cap'], 'bucket-cap', 0, 2) } : {}),
    ...(values.kind ? { kinds: parseKinds(values.kind) } : {}),
    split: { mode: split === 'file-order' ? 'fileOrder' : 'random', seed: toSeed(seed) },
  };
  let extra: Record<string, unknown> = {};
  let result;
  if (values.sample) {
    if (positionals.length > 0) throw new UsageError('give either a file or --sample, not both');
    const { source, sample } = sampleSource(intOption(values.rows, 'rows', DEFAULT_SAMPLE_ROWS, 1), seed);
    result = await loadDataset(source, options);
    extra = { truth: sample.truth, outcome: sample.outcome() };
  } else {
    const [file] = positionals;
    if (file === undefined || positionals.length > 1) throw new UsageError('data needs exactly one file (or --sample)');
    result = await loadDataset(fileSource(file), options);
  }
  process.stdout.write(values.json ? `${JSON.stringify({ ...result.stats, ...extra }, null, 2)}\n` : formatStats(result.stats));
  return 0;
}

function parseKinds(items: string[]): Record<string, FieldKind> {
  const kinds: Record<string, FieldKind> = Object.create(null) as Record<string, FieldKind>;
  for (const item of items) {
    const eq = item.lastIndexOf('=');
    const kind = item.slice(eq + 1);
    if (eq <= 0 || (kind !== 'dense' && kind !== 'categorical')) throw new UsageError(`--kind wants NAME=dense or NAME=categorical, got "${item}"`);
    kinds[item.slice(0, eq)] = kind;
  }
  return kinds;
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** A plain-text report of the statistics. */
export function formatStats(s: DatasetStats): string {
  const lines = [
    `source      ${s.source} (${s.format}, ${(s.bytes / 1e6).toFixed(2)} MB, ${s.elapsedMs} ms)`,
    `rows        ${s.rows}   label rate ${pct(s.labelRate)}   base-rate log loss ${s.baseRateLogLoss.toFixed(4)}`,
    `splits      (${s.splitMode}) ` +
      (['train', 'val', 'test'] as const).map((k) => `${k} ${s.splits[k].rows} @ ${pct(s.splits[k].labelRate)}`).join('   '),
    `encoded     ${s.encodedBytesPerRow.toFixed(1)} bytes/row`,
    `bad rows    ${s.badRows.count}`,
    ...s.badRows.examples.map((b) => `  line ${b.line}: ${b.reason}`),
    '',
    'field         kind          distinct   missing   buckets',
    ...s.fields.map(
      (f) =>
        `${f.name.padEnd(14)}${f.kind.padEnd(12)}${`${f.distinct}${f.distinctCapped ? '+' : ''}`.padStart(10)}${pct(f.missingRate).padStart(10)}${String(f.buckets || '—').padStart(10)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
