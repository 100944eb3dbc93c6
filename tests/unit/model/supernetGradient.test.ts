// Supernet gradients (custom LayerNorm and dot-product gradients included) against central differences of the reference.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { fullPath } from '../../../src/core/space/path.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { makeBatch, readWeights, rng } from './helpers.ts';
import { RefWeights } from './reference/refOps.ts';
import { refSupernetLogit } from './reference/refNets.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createSupernet gradients', () => {
  it('match central differences of the reference for weights of every op on the full path', () => {
    const space = presetSpace('tiny');
    const input = { dense: 5, sparse: 4 };
    const net = createSupernet(space, input, { rng: rng(41), layerNorm: true });
    const batch = makeBatch(rng(42), 2, input, space.embeddingDim);
    const path = fullPath(space);
    const cfg = { space, input, layerNorm: true };
    const { grads, value } = tf.variableGrads(() => tf.sum(net.forward(batch.dense0, batch.sparse0, path)) as tf.Scalar);
    value.dispose();
    const base = readWeights(net.params);
    const table = new Map([...net.params.keys()].map((n) => [n, base.get(n)]));
    const refLoss = (): number => batch.examples.reduce((a, ex) => a + refSupernetLogit(new RefWeights(table), cfg, path, ex), 0);
    const names = ['b1/fc/ln/g', 'b1/sg/u/w', 'b1/sum/w', 'b2/dp/w2/w', 'b2/dp/w3/w', 'b1/efc/w', 'b2/attn/mha/in/w', 'b2/attn/lnF/g', 'b1/fm/w', 'final/w'];
    const r = rng(43);
    for (const name of names) {
      const w = table.get(name)!;
      const g = grads[net.params.get(name)!.name]!.dataSync();
      for (let k = 0; k < 2; k++) {
        const i = r.int(0, w.length);
        const h = 1e-4;
        const orig = w[i]!;
        w[i] = orig + h;
        const up = refLoss();
        w[i] = orig - h;
        const down = refLoss();
        w[i] = orig;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs((g[i] ?? NaN) - numeric), `${name}[${i}]: ${g[i]} vs ${numeric}`).toBeLessThan(2e-3 * Math.max(1, Math.abs(numeric)));
      }
    }
    Object.values(grads).forEach((t) => t.dispose());
    batch.dispose();
    net.dispose();
  });
});
