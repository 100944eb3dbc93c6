// What the inspector shows and exports: metrics per kind of model, the JSON files and their names.
import { describe, expect, it } from 'vitest';
import { archFromJson, archFromNasrecJson, archKey } from '../../../src/core/space/index.ts';
import { archJsonText, exportFileName, nasrecJsonText } from '../../../src/ui/inspector/inspectItem.ts';
import { rankInspectItem } from '../../../src/ui/panels/rank/rankInspect.ts';
import { resultRows } from '../../../src/ui/panels/search/resultRows.ts';
import { rowName, searchInspectItem } from '../../../src/ui/panels/search/searchInspect.ts';
import { ARCHS, baseline, candidate, correlation, finalist, KEYS, TINY } from './analysisFixtures.ts';

describe('architecture exports', () => {
  it('writes the versioned architecture file with the space, which reads back to the same arch', () => {
    const text = archJsonText(ARCHS[1]!, TINY);
    const { arch, space } = archFromJson(JSON.parse(text));
    expect(archKey(arch)).toBe(KEYS[1]);
    expect(space).toEqual(TINY);
  });

  it('writes the NasRec config with the test loss when known, which imports back to the same arch', () => {
    const json = JSON.parse(nasrecJsonText(ARCHS[2]!, TINY, 0.44)) as { test_loss?: number };
    expect(json.test_loss).toBe(0.44);
    expect(archKey(archFromNasrecJson(json, TINY).arch)).toBe(KEYS[2]);
    expect(JSON.parse(nasrecJsonText(ARCHS[2]!, TINY, Number.NaN))).not.toHaveProperty('test_loss');
  });

  it('makes file names from display names', () => {
    expect(exportFileName('FC·DP·Sum #3f9a')).toBe('arch-fc-dp-sum-3f9a.json');
    expect(exportFileName('DLRM-like', '-nasrec')).toBe('arch-dlrm-like-nasrec.json');
    expect(exportFileName('···')).toBe('arch-model.json');
  });
});

describe('searchInspectItem', () => {
  const rows = resultRows([candidate(0, -1, 0.5), candidate(1, 0, 0.4)], [finalist('finalist 1', 1, 0.44), baseline('Logistic regression', 0.52)]);

  it('shows a candidate’s proxy score and cost with its arch', () => {
    const item = searchInspectItem(rows[0]!, rowName(rows[0]!), 'evolution', undefined);
    expect(item.metrics.map((m) => m.label)).toEqual(['Proxy loss (validation)', 'FLOPs per example', 'Parameters (non-embedding)']);
    expect(item.kind).toBe("Candidate #1, initial population: scored by the supernet's proxy only.");
    expect(item.arch).toBe(ARCHS[0]);
  });

  it('shows a finalist’s test metrics and names the winner', () => {
    const item = searchInspectItem(rows[1]!, rowName(rows[1]!), 'evolution', KEYS[1]);
    expect(item.metrics.map((m) => m.label)).toEqual([
      'Proxy loss (validation)',
      'Validation loss, from scratch',
      'Test log loss',
      'Test AUC',
      'Normalized entropy',
      'Calibration',
      'FLOPs per example',
      'Parameters (non-embedding)',
    ]);
    expect(item.kind).toMatch(/^Finalist 1 \(candidate #2, generation 1\).*the winner/);
    expect(item.testLoss).toBe(0.44);
  });

  it('shows a baseline outside the space by name, without an arch', () => {
    const item = searchInspectItem(rows[2]!, rowName(rows[2]!), 'evolution', undefined);
    expect(item.title).toBe('Logistic regression');
    expect(item.arch).toBeUndefined();
    expect(item.id).toBe('baseline:Logistic regression');
  });
});

describe('rankInspectItem', () => {
  it('shows both losses with their ranks, each ablation’s proxy loss and the cost', () => {
    const rows = [0, 1, 2].map((i) => ({ index: i, key: KEYS[i]!, arch: ARCHS[i]!, proxy: [0.5, 0.4, 0.45][i]!, standalone: [0.6, 0.62, 0.55][i]!, flops: 100, params: 10 }));
    const item = rankInspectItem(rows[0]!, rows, [correlation('NASRec (all techniques)', [0, -1, 1], [0, -1, 1], [0.5, 0.4, 0.45]), correlation('no fine-tuning', [0, -1, 1], [0, -1, 1], [0.7, 0.6, 0.65])]);
    expect(item.metrics).toEqual([
      { label: 'Loss trained from scratch', value: '0.6000' },
      { label: 'Rank by training from scratch', value: '2nd of 3' },
      { label: 'Proxy loss', value: '0.5000' },
      { label: 'Rank by proxy', value: '3rd of 3' },
      { label: 'Proxy loss, no fine-tuning', value: '0.7000' },
      { label: 'FLOPs per example', value: '100' },
      { label: 'Parameters (non-embedding)', value: '10' },
    ]);
    expect(item.kind).toBe('Architecture 1 of the rank check: drawn at random from the space.');
  });
});
