// Headless CLI on the same core as the app: `npm run cli -- <command>`.
import { DataError } from '../core/data/types.ts';
import { UsageError } from './args.ts';
import { COST_HELP, costCommand } from './commands/cost.ts';
import { DATA_HELP, dataCommand } from './commands/data.ts';
import { RANK_HELP, rankCommand } from './commands/rank.ts';
import { SAMPLE_HELP, sampleCommand } from './commands/sample.ts';
import { SEARCH_HELP, searchCommand } from './commands/search.ts';
import { TRAIN_HELP, trainCommand } from './commands/train.ts';

const COMMANDS: Record<string, { help: string; run(argv: string[]): Promise<number> }> = {
  data: { help: DATA_HELP, run: dataCommand },
  sample: { help: SAMPLE_HELP, run: sampleCommand },
  train: { help: TRAIN_HELP, run: trainCommand },
  cost: { help: COST_HELP, run: costCommand },
  search: { help: SEARCH_HELP, run: searchCommand },
  rank: { help: RANK_HELP, run: rankCommand },
};

const USAGE = `NASRec Playground CLI — usage: npm run cli -- <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.help.replace(/^/gm, '  '))
  .join('\n\n')}

  --help            this text`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}" (try --help)`);
  if (rest.includes('--help')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err instanceof Error && err.name === 'TypeError' && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`usage error: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof DataError) {
      process.stderr.write(`error (${err.code}): ${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES')) {
      process.stderr.write(`error: cannot read ${String((err as { path?: string }).path ?? 'file')}: ${err.code}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
