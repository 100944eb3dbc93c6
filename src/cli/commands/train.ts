// `train`: trains the NASRec supernet headless in Node on the same core as the app, optionally saving it.
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { UsageError } from '../args.ts';
import { meanOf, prepareSupernet, SUPERNET_HELP, SUPERNET_OPTIONS, trainSupernet, writeCheckpointDir } from '../supernetSetup.ts';

export const TRAIN_HELP = `train (--data <file> | --sample [--rows N]) --space tiny|small|full --steps N --seed S [--save DIR] [--json]
  Trains the NASRec supernet headless in Node and prints train/validation log loss.
${SUPERNET_HELP}
  --strategy NAME      single-op-any-connection | single-path | any-path | full-path
  --save DIR           write the trained supernet (supernet.json, weights.bin, embeddings.bin) for search/rank --supernet`;

export async function trainCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...SUPERNET_OPTIONS, save: { type: 'string' } } });
  if (values.supernet) throw new UsageError('train starts a new supernet; --supernet is for search and rank');
  const log = (line: string) => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };
  const run = await prepareSupernet(values, log);
  const { trainer, config, stats } = run;
  try {
    const curve = await trainSupernet(run, log);
    if (values.save) {
      await writeCheckpointDir(values.save, run);
      log(`saved the supernet to ${values.save}`);
    }
    const { steps, batchSize } = config;
    const result = {
      steps,
      space: run.preset,
      backend: tf.getBackend(),
      seed: run.seed,
      batchSize,
      trainLoss: meanOf(curve.train.slice(-Math.max(1, Math.floor(steps / 10)))),
      valLoss: curve.val.at(-1)?.value ?? NaN,
      baseRateLogLoss: stats.splits.val.baseRateLogLoss,
      samplesPerSec: (steps * batchSize) / run.trainSeconds,
      stepsPerSec: steps / run.trainSeconds,
      seconds: run.trainSeconds,
      valCurve: curve.val,
      ...(values.save ? { saved: values.save } : {}),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else log(`done: train ${result.trainLoss.toFixed(4)}, val ${result.valLoss.toFixed(4)} vs base rate ${result.baseRateLogLoss.toFixed(4)}; ${result.samplesPerSec.toFixed(0)} samples/s`);
    return 0;
  } finally {
    trainer.dispose();
  }
}
