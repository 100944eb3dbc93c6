// Baselines: hashed logistic regression and the DCN-like net against hand computations; named DLRM/DeepFM archs.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDcn, createLogisticRegression } from '../../../src/core/model/baselines.ts';
import { deepFmLike, dlrmLike, namedBaselines } from '../../../src/core/space/baselines.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { expectClose, rng, values } from './helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('createLogisticRegression', () => {
  it('adds the dense linear term, one weight per field bucket and the bias', () => {
    const net = createLogisticRegression({ dense: 2, sparse: 3 }, { rng: rng(1) });
    const [w, b] = net.variables as [tf.Variable, tf.Variable];
    w.assign(tf.tensor2d([[0.5], [-2]]));
    b.assign(tf.tensor1d([0.25]));
    const dense0 = tf.tensor2d([[1, 2], [0, 1]]);
    const sparse0 = tf.tensor3d([[[0.1], [0.2], [0.3]], [[-1], [0], [1]]]);
    // row 0: 0.5 − 4 + 0.6 + 0.25; row 1: −2 + 0 + 0.25
    expectClose(values(net.forward(dense0, sparse0)), [-2.65, -1.75]);
    expect(net.embeddingDim).toBe(1);
    expect(net.cost).toEqual({ params: 3, flops: 2 });
    net.dispose();
  });
});

describe('createDcn', () => {
  it('computes x_{l+1} = x0 ⊙ (x_l·w_l) + b_l + x_l beside a ReLU tower, as a plain-loop reference', () => {
    const input = { dense: 1, sparse: 1 };
    const net = createDcn(input, 2, { rng: rng(2) }, { crossLayers: 1, deep: [2] });
    const params = new Map(net.variables.map((v) => [v.name.split('/').slice(1).join('/'), Array.from(v.dataSync())]));
    const x0 = [0.5, -1, 2]; // dense, then the one field's 2-wide embedding
    const w = params.get('cross0/w')!;
    const cb = params.get('cross0/b')!;
    const s = x0.reduce((a, v, i) => a + v * w[i]!, 0);
    const x1 = x0.map((v, i) => v * s + cb[i]! + v);
    const dw = params.get('deep0/w')!; // [3, 2] row-major
    const db = params.get('deep0/b')!;
    const h = [0, 1].map((j) => Math.max(0, x0.reduce((a, v, i) => a + v * dw[i * 2 + j]!, db[j]!)));
    const fw = params.get('final/w')!;
    const logit = [...x1, ...h].reduce((a, v, i) => a + v * fw[i]!, params.get('final/b')![0]!);
    expectClose(values(net.forward(tf.tensor2d([[0.5]]), tf.tensor3d([[[-1, 2]]]))), [logit], 1e-5);
    // 1 cross layer (3 + 3), deep 3·2 + 2, final 5 + 1; FLOPs: 3 + 6 + 5
    expect(net.cost).toEqual({ params: 20, flops: 14 });
    net.dispose();
  });
});

describe('named baselines', () => {
  it('DLRM-like: a bottom FC on the dense input, DP with the raw embeddings, then FC blocks', () => {
    const named = dlrmLike(presetSpace('tiny'));
    if (!('arch' in named)) throw new Error(named.reason);
    expect(named.arch.blocks.map((b) => b.denseOp)).toEqual(['fc', 'dp', 'fc']);
    expect(named.arch.blocks[1]!.denseIdx).toEqual([1]);
    expect(named.arch.blocks[1]!.sparseIdx).toEqual([0]);
  });

  it('DeepFM-like: FC blocks each with the FM module on', () => {
    const named = deepFmLike(presetSpace('small'));
    if (!('arch' in named)) throw new Error(named.reason);
    expect(named.arch.blocks.every((b) => b.denseOp === 'fc' && b.deepFm)).toBe(true);
  });

  it('says why a space cannot express a baseline', () => {
    const space = { ...presetSpace('tiny'), denseOps: ['fc', 'sum'] as const, interactionModules: false };
    const [dlrm, deepFm] = namedBaselines({ ...space, denseOps: [...space.denseOps] });
    expect(dlrm).toEqual({ name: 'DLRM-like', reason: 'needs the FC and Dot-Product dense operators' });
    expect(deepFm).toEqual({ name: 'DeepFM-like', reason: 'needs the interaction modules (FM)' });
  });
});
