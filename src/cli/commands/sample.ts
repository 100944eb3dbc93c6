// `cli sample`: writes the built-in generator's Criteo TSV to a file (how public/ gets its sample file).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createCriteoSample, DEFAULT_SAMPLE_ROWS } from '../../core/data/synthetic/index.ts';
import { toSeed } from '../../core/rng.ts';
import { intOption, UsageError } from '../args.ts';

export const SAMPLE_HELP = `sample --out FILE [--rows N] [--seed S]
  Writes the built-in synthetic sample (Criteo TSV, planted interactions) to FILE.
  Same seed and rows → identical bytes. Prints the ground truth as JSON.`;

export async function sampleCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, rows: { type: 'string' }, seed: { type: 'string' } },
  });
  if (!values.out) throw new UsageError('sample needs --out FILE');
  const sample = createCriteoSample({ rows: intOption(values.rows, 'rows', DEFAULT_SAMPLE_ROWS, 1), seed: toSeed(intOption(values.seed, 'seed', 1)) });
  const out = createWriteStream(values.out);
  for (const chunk of sample.chunks()) {
    if (!out.write(Buffer.from(chunk))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  process.stdout.write(`${JSON.stringify({ out: values.out, truth: sample.truth, outcome: sample.outcome() }, null, 2)}\n`);
  return 0;
}
