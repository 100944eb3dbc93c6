import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { samplePath } from '../../../src/core/space/sampler.ts';
import { fullPath } from '../../../src/core/space/path.ts';
import { makeBatch, rng } from './helpers.ts';
async function main() {
  await tf.setBackend(process.argv[2] ?? 'wasm');
  console.log('backend', tf.getBackend());
  for (const preset of ['tiny', 'small', 'full'] as const) {
    const space = presetSpace(preset);
    const input = { dense: 13, sparse: 26 };
    const net = createSupernet(space, input, { rng: rng(1), layerNorm: true });
    const b = makeBatch(rng(2), 512, input, space.embeddingDim);
    const step = (path: any) => { const t = performance.now(); const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(net.forward(b.dense0, b.sparse0, path))) as tf.Scalar); value.dataSync(); value.dispose(); Object.values(grads).forEach((g) => g.dispose()); return performance.now() - t; };
    const r = rng(3);
    const paths = Array.from({ length: 5 }, () => samplePath(space, r, 'single-op-any-connection').path);
    try {
      step(paths[0]);
      const ts = paths.map(step).sort((x, y) => x - y);
      const tf_ = [step(fullPath(space)), step(fullPath(space))];
      console.log(preset, 'sampled median', Math.round(ts[2]!), 'full', tf_.map(Math.round));
    } catch (e) { console.log(preset, 'error', (e as Error).message); }
    net.dispose(); b.dispose();
  }
}
void main();
