// Opening a trained model's files: which chosen file is model.json and which its weights, and what the inspector shows.
import { describe, expect, it } from 'vitest';
import { manifestPathOf, modelItem, pickModelFiles } from '../../../src/ui/inspector/importModel.ts';
import type { ModelOpenedMessage } from '../../../src/worker/protocol.ts';
import type { ArchKey } from '../../../src/core/space/types.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { makeArch } from '../../../src/core/space/arch.ts';
import { archBlock } from '../archBlock.ts';

const f = (name: string) => ({ name });
const manifest = (path: string) => JSON.stringify({ weightsManifest: [{ paths: [path], weights: [] }] });

describe('pickModelFiles', () => {
  it('pairs model.json with the weights file its manifest names, whatever the order chosen', () => {
    const texts = new Map([['model.json', manifest('model.weights.bin')]]);
    const got = pickModelFiles([f('other.bin'), f('model.weights.bin'), f('model.json')], (j) => manifestPathOf(texts.get(j.name) ?? ''));
    expect(got).toEqual({ json: f('model.json'), weights: f('model.weights.bin') });
  });

  it('takes the only .bin when the manifest names another file (a renamed download)', () => {
    expect(pickModelFiles([f('model (1).json'), f('model.weights (1).bin')], () => 'model.weights.bin')).toEqual({ json: f('model (1).json'), weights: f('model.weights (1).bin') });
  });

  it('says what is missing: no weights file, or not exactly one model.json', () => {
    expect(pickModelFiles([f('model.json')], () => 'model.weights.bin')).toEqual({ problem: 'Choose model.json together with its weights file (model.weights.bin): select both files at once.' });
    expect(pickModelFiles([f('a.json'), f('b.json'), f('w.bin')], () => undefined)).toMatchObject({ problem: expect.stringContaining('2 JSON files') });
    expect(pickModelFiles([f('a.bin'), f('b.bin'), f('m.json')], () => 'c.bin')).toMatchObject({ problem: expect.stringContaining('(c.bin)') });
  });

  it('reads the manifest path only from a model.json, never throwing on other text', () => {
    expect(manifestPathOf(manifest('w.bin'))).toBe('w.bin');
    expect(manifestPathOf('{"version":1,"blocks":[]}')).toBeUndefined();
    expect(manifestPathOf('not json')).toBeUndefined();
  });
});

describe('modelItem', () => {
  const space = presetSpace('tiny');
  const arch = makeArch([archBlock(), archBlock({ denseIdx: [1], sparseIdx: [1] }), archBlock({ denseIdx: [2], sparseIdx: [2] })], space);
  const reply = (evaluation: ModelOpenedMessage['evaluation']): ModelOpenedMessage => ({
    type: 'modelOpened',
    id: 1,
    arch,
    space,
    key: 'k' as ArchKey,
    metadata: { name: 'finalist 1', test: { logLoss: 0.49221, auc: 0.69, normalizedEntropy: 0.92, calibration: 1 }, trainedOn: 'Built-in sample' },
    params: 8843,
    evaluation,
  });

  it('shows the stored and the measured test log loss side by side', () => {
    const got = modelItem(reply({ rows: 40_000, test: { logLoss: 0.49221, auc: 0.6922, normalizedEntropy: 0.92, calibration: 1 } }), 'model.json + model.weights.bin');
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.item.metrics).toContainEqual({ label: 'Test log loss (stored in the file)', value: '0.4922' });
    expect(got.item.metrics).toContainEqual({ label: 'Test log loss on the loaded data (40,000 rows)', value: '0.4922' });
    expect(got.item.metrics).toContainEqual({ label: 'Trained weights (non-embedding)', value: '8,843' });
    expect(got.item.kind).toBe('Trained model opened from model.json + model.weights.bin, trained on Built-in sample.');
    expect(got.item.testLoss).toBe(0.49221);
  });

  it('says why the model was not measured', () => {
    const got = modelItem(reply({ skipped: 'no data is loaded' }), 'model.json');
    expect(got.ok && got.item.metrics).toContainEqual({ label: 'Measured on the loaded data', value: 'not measured: no data is loaded' });
  });
});
