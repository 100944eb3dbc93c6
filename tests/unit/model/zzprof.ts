import * as tf from '@tensorflow/tfjs';
import { createSupernet } from '/work/main/src/core/model/supernet.ts';
import { fullPath } from '/work/main/src/core/space/path.ts';
import { presetSpace } from '/work/main/src/core/space/presets.ts';
import { makeBatch, rng } from '/work/main/tests/unit/model/helpers.ts';
async function main() {
  await tf.setBackend('cpu');
  const space = presetSpace((process.argv[2] ?? 'tiny') as 'tiny');
  const input = { dense: 13, sparse: 26 };
  const net = createSupernet(space, input, { rng: rng(1), layerNorm: true });
  const b = makeBatch(rng(2), 512, input, space.embeddingDim);
  const path = process.argv[3] === 'full' ? fullPath(space) : (await import('/work/main/src/core/space/sampler.ts')).samplePath(space, rng(5), 'single-op-any-connection').path;
  const step = () => { const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(net.forward(b.dense0, b.sparse0, path))) as tf.Scalar); value.dispose(); Object.values(grads).forEach((g) => g.dispose()); };
  step();
  const info = await tf.profile(step);
  const agg = new Map<string, { ms: number; n: number }>();
  let total = 0;
  for (const k of info.kernels) {
    const ms = (await k.kernelTimeMs) as number;
    total += ms;
    const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
    const a = agg.get(key) ?? { ms: 0, n: 0 };
    a.ms += ms; a.n++;
    agg.set(key, a);
  }
  const byName = new Map<string, number>();
  for (const k of info.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + ((await k.kernelTimeMs) as number));
  console.log('total kernel ms', Math.round(total), 'kernels', info.kernels.length);
  console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([n, ms]) => `${n}: ${Math.round(ms)}`).join('\n'));
  console.log('---');
  console.log([...agg].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25).map(([k, v]) => `${Math.round(v.ms)}ms x${v.n} ${k}`).join('\n'));
}
void main();
