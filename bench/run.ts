// `npm run bench [-- <name>]`: runs the named benchmarks (all by default) and writes bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dataBench } from './data.ts';
import { referenceBench } from './reference.ts';
import { reloadBench } from './reload.ts';
import { scoreBench } from './score.ts';
import { tablesBench } from './tables.ts';
import { trainBench } from './train.ts';
import { uiBench } from './ui.ts';

export interface BenchOutput {
  /** Printed table lines. */
  table: string[];
  /** Written to bench/results/<name>.json. */
  json: Record<string, unknown>;
}

const BENCHES: Record<string, () => Promise<BenchOutput>> = {
  data: dataBench,
  train: trainBench,
  tables: tablesBench,
  score: scoreBench,
  ui: uiBench,
  reference: referenceBench,
  reload: reloadBench,
};

async function main(names: string[]): Promise<void> {
  const chosen = names.length > 0 ? names : Object.keys(BENCHES);
  for (const name of chosen) {
    if (!BENCHES[name]) throw new Error(`unknown benchmark "${name}"; available: ${Object.keys(BENCHES).join(', ')}`);
  }
  mkdirSync('bench/results', { recursive: true });
  const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30) };
  for (const name of chosen) {
    console.log(`\n== bench ${name} (${machine.cpu}, ${machine.cores} cores, Node ${machine.node})`);
    const out = await BENCHES[name]!();
    for (const line of out.table) console.log(line);
    const path = `bench/results/${name}.json`;
    writeFileSync(path, `${JSON.stringify({ bench: name, date: new Date().toISOString(), machine, ...out.json }, null, 2)}\n`);
    console.log(`wrote ${path}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
