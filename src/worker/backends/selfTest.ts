// A short training self-test: a backend must reproduce the cpu backend's loss and gradients before it is used.
import * as tf from '@tensorflow/tfjs';
import { createSupernet } from '../../core/model/supernet.ts';
import { rngFromSeed, toSeed } from '../../core/rng.ts';
import { SPACE_PRESETS } from '../../core/space/presets.ts';
import { samplePath } from '../../core/space/sampler.ts';
import { bceWithLogits } from '../../core/train/optimizer.ts';

/** Tolerances: float32 on different backends agrees to ~1e-6; anything near 1e-2 is a broken kernel. */
const LOSS_TOLERANCE = 1e-3;
const GRAD_TOLERANCE = 1e-2;

interface Snapshot {
  loss: number;
  grads: Float32Array[];
}

/** Loss and gradients of one Tiny-supernet step on the current backend, from fixed seeds. */
async function snapshot(): Promise<Snapshot> {
  const space = SPACE_PRESETS.tiny;
  const input = { dense: 3, sparse: 4 };
  const E = space.embeddingDim;
  const B = 8;
  const rng = rngFromSeed(toSeed(20231));
  const net = createSupernet(space, input, { rng: rng.stream('init'), layerNorm: true });
  const data = rng.stream('data');
  const { path } = samplePath(space, rng.stream('sampler'), 'single-op-any-connection', { step: 0, fullPathWarmupSteps: 0 });
  const dense0 = tf.tensor2d(Float32Array.from({ length: B * input.dense }, () => data.next()), [B, input.dense]);
  const sparse0 = tf.tensor3d(Float32Array.from({ length: B * input.sparse * E }, () => data.normal()), [B, input.sparse, E]);
  const labels = tf.tensor1d(Float32Array.from({ length: B }, (_, i) => i % 2));
  try {
    const { value, grads } = tf.variableGrads(() => bceWithLogits(net.forward(dense0, sparse0, path), labels), [...net.variables]);
    const names = Object.keys(grads).sort();
    const loss = (await value.data())[0]!;
    const arrays = await Promise.all(names.map(async (n) => (await grads[n]!.data()) as Float32Array));
    tf.dispose([value, ...Object.values(grads)]);
    return { loss, grads: arrays };
  } finally {
    tf.dispose([dense0, sparse0, labels]);
    net.dispose();
  }
}

function relativeDiff(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-12);
}

/**
 * Runs the self-test on `backend` (already registered) against cpu. Leaves `backend` selected when it passes.
 * @returns undefined when it agrees, else the reason in words
 */
export async function selfTest(backend: string): Promise<string | undefined> {
  if (!(await tf.setBackend('cpu'))) return 'the cpu reference backend did not start';
  const reference = await snapshot();
  if (!(await tf.setBackend(backend))) return `the ${backend} backend did not initialise`;
  let candidate: Snapshot;
  try {
    candidate = await snapshot();
  } catch (err) {
    return `a training step failed on ${backend}: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (!(Math.abs(candidate.loss - reference.loss) <= LOSS_TOLERANCE * Math.max(1, Math.abs(reference.loss)))) {
    return `its loss ${candidate.loss} differs from the cpu backend's ${reference.loss}`;
  }
  if (candidate.grads.length !== reference.grads.length) return `it produced ${candidate.grads.length} gradients, the cpu backend ${reference.grads.length}`;
  for (let i = 0; i < reference.grads.length; i++) {
    const d = relativeDiff(candidate.grads[i]!, reference.grads[i]!);
    if (!(d <= GRAD_TOLERANCE)) return `its gradients differ from the cpu backend's (relative difference ${d.toExponential(2)})`;
  }
  return undefined;
}
