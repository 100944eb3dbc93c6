// Timing of supernet training steps (not a test): `[BACKEND=wasm] npx tsx tests/unit/model/timing.ts [tiny small full]`.
import * as tf from '@tensorflow/tfjs';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { fullPath } from '../../../src/core/space/path.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { samplePath } from '../../../src/core/space/sampler.ts';
import type { PresetName, SupernetPath } from '../../../src/core/space/types.ts';
import { makeBatch, rng } from './helpers.ts';

const BATCH = 512;
const input = { dense: 13, sparse: 26 }; // Criteo

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const backend = process.env['BACKEND'] ?? 'cpu';
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend(backend);
  const presets = (process.argv.slice(2) as PresetName[]).length > 0 ? (process.argv.slice(2) as PresetName[]) : (['tiny', 'small', 'full'] as const);
  for (const preset of presets) {
    const space = presetSpace(preset);
    let t0 = performance.now();
    const net = createSupernet(space, input, { rng: rng(1), layerNorm: true });
    const createMs = performance.now() - t0;
    const params = net.variables.reduce((a, v) => a + v.size, 0);
    const b = makeBatch(rng(2), BATCH, input, space.embeddingDim);
    const step = (path: SupernetPath): number => {
      const start = performance.now();
      const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(net.forward(b.dense0, b.sparse0, path))) as tf.Scalar);
      value.dataSync();
      value.dispose();
      Object.values(grads).forEach((g) => g.dispose());
      return performance.now() - start;
    };
    const forward = (path: SupernetPath): number => {
      const start = performance.now();
      tf.tidy(() => void net.forward(b.dense0, b.sparse0, path).dataSync());
      return performance.now() - start;
    };
    const r = rng(3);
    const paths = Array.from({ length: preset === 'full' && backend === 'cpu' ? 3 : 7 }, () => samplePath(space, r, 'single-op-any-connection').path);
    step(paths[0]!); // warm-up: caches, JIT
    const sampled = paths.map(step);
    const fwd = paths.map(forward);
    const full = fullPath(space);
    const fullSteps = Array.from({ length: preset === 'full' && backend === 'cpu' ? 1 : 3 }, () => step(full));
    // customGrad wrappers ('unnamed scope') are listed beside the kernels they run: not counted.
    const kernels = async (f: () => void): Promise<number> => (await tf.profile(f)).kernels.filter((k) => k.name !== 'unnamed scope').length;
    const kSampled = median(await Promise.all(paths.map((p) => kernels(() => tf.tidy(() => void net.forward(b.dense0, b.sparse0, p))))));
    const kFull = await kernels(() => tf.tidy(() => void net.forward(b.dense0, b.sparse0, full)));
    const kStep = await kernels(() => void step(paths[1]!));
    t0 = performance.now();
    console.log(
      JSON.stringify({
        backend,
        preset,
        params,
        createMs: Math.round(createMs),
        sampledStepMsMedian: Math.round(median(sampled)),
        sampledStepMs: sampled.map(Math.round),
        sampledForwardMsMedian: Math.round(median(fwd)),
        fullPathStepMsMedian: Math.round(median(fullSteps)),
        kernelsPerForwardSampledMedian: kSampled,
        kernelsPerForwardFull: kFull,
        kernelsPerSampledStep: kStep,
      }),
    );
    b.dispose();
    net.dispose();
  }
}

void main();
