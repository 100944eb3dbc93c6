// The search views' data: population points and bands, best so far, the Pareto front, and the results rows.
import { describe, expect, it } from 'vitest';
import { paretoFront } from '../../../src/ui/panels/search/pareto.ts';
import { bestSoFar, generationBands, generationLabel, populationPoints } from '../../../src/ui/panels/search/populationData.ts';
import { focusIdOf, resultRows, resultsJson, sortRows } from '../../../src/ui/panels/search/resultRows.ts';
import { archFromJson } from '../../../src/core/space/archJson.ts';
import { ARCHS, baseline, candidate, finalist, KEYS, TINY } from './analysisFixtures.ts';

const EVOLVED = [candidate(0, -1, 0.5), candidate(1, -1, 0.45), candidate(2, 0, 0.47), candidate(3, 0, 0.41), candidate(4, 1, 0.43)];

describe('population over time', () => {
  it('puts each candidate at its 1-based scoring order, initial members apart from children', () => {
    expect(populationPoints(EVOLVED, 'evolution').map((p) => [p.x, p.y, p.series])).toEqual([
      [1, 0.5, 'initial'],
      [2, 0.45, 'initial'],
      [3, 0.47, 'child'],
      [4, 0.41, 'child'],
      [5, 0.43, 'child'],
    ]);
    expect(populationPoints(EVOLVED, 'random').every((p) => p.series === 'random')).toBe(true);
  });

  it('tracks the lowest loss so far', () => {
    expect(bestSoFar(EVOLVED)).toEqual([
      { x: 1, y: 0.5 },
      { x: 2, y: 0.45 },
      { x: 3, y: 0.45 },
      { x: 4, y: 0.41 },
      { x: 5, y: 0.41 },
    ]);
  });

  it('groups consecutive candidates by generation, counted from 1 for people', () => {
    expect(generationBands(EVOLVED, 'evolution')).toEqual([
      { key: 'g-1', from: 1, to: 2, label: 'initial population' },
      { key: 'g0', from: 3, to: 4, label: 'generation 1' },
      { key: 'g1', from: 5, to: 5, label: 'generation 2' },
    ]);
    expect(generationLabel(-1, 'random')).toBe('random draws');
  });
});

describe('paretoFront', () => {
  it('keeps the points no other beats on both cost and loss, cheapest first', () => {
    const pts = [
      { id: 'a', x: 100, y: 0.5 },
      { id: 'b', x: 50, y: 0.6 },
      { id: 'c', x: 200, y: 0.4 },
      { id: 'd', x: 150, y: 0.45 },
      { id: 'e', x: 120, y: 0.55 },
      { id: 'f', x: 300, y: 0.4 },
    ];
    expect(paretoFront(pts).map((p) => p.id)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('keeps one of equal points (the first) and drops those equal in cost but worse', () => {
    const pts = [
      { id: 'a', x: 10, y: 0.5 },
      { id: 'b', x: 10, y: 0.5 },
      { id: 'c', x: 10, y: 0.6 },
    ];
    expect(paretoFront(pts).map((p) => p.id)).toEqual(['a']);
  });

  it('skips non-finite points and is empty for none', () => {
    expect(paretoFront([{ id: 'a', x: Number.NaN, y: 0.1 }, { id: 'b', x: 5, y: 0.3 }]).map((p) => p.id)).toEqual(['b']);
    expect(paretoFront([])).toEqual([]);
  });
});

describe('resultRows', () => {
  const finals = [finalist('finalist 1', 3, 0.44), baseline('Logistic regression', 0.52), baseline('DLRM-like', 0.5, 900, ARCHS[1])];
  const rows = resultRows(EVOLVED, finals);

  it('has one row per candidate, a finalist merged into its candidate row, then every baseline', () => {
    expect(rows.map((r) => [r.rowId, r.role])).toEqual([
      [`c:${KEYS[0]}`, 'candidate'],
      [`c:${KEYS[1]}`, 'candidate'],
      [`c:${KEYS[2]}`, 'candidate'],
      [`c:${KEYS[3]}`, 'finalist'],
      [`c:${KEYS[4]}`, 'candidate'],
      ['b:Logistic regression', 'baseline'],
      ['b:DLRM-like', 'baseline'],
    ]);
    expect(rows[3]).toMatchObject({ proxyLoss: 0.41, testLogLoss: 0.44, auc: 0.7, modelName: 'finalist 1', order: 4, generation: 0 });
  });

  it('links baselines by arch key when they have one, else by name', () => {
    expect(rows[5]!.focusId).toBe('baseline:Logistic regression');
    expect(rows[6]!.focusId).toBe(KEYS[1]);
    expect(focusIdOf({ name: 'DCN-like' })).toBe('baseline:DCN-like');
  });

  it('sorts by test log loss with untrained candidates last in scoring order', () => {
    expect(sortRows(rows, { column: 'testLogLoss', descending: false }).map((r) => r.rowId.slice(0, 2) + (r.modelName ?? r.order))).toEqual([
      'c:finalist 1',
      'b:DLRM-like',
      'b:Logistic regression',
      'c:1',
      'c:2',
      'c:3',
      'c:5',
    ]);
  });

  it('sorts by proxy loss with the baselines (no proxy score) last', () => {
    expect(sortRows(rows, { column: 'proxyLoss', descending: false }).map((r) => r.proxyLoss ?? r.modelName)).toEqual([0.41, 0.43, 0.45, 0.47, 0.5, 'Logistic regression', 'DLRM-like']);
  });

  it('exports every row as JSON with the winner, full test metrics and each architecture readable again', () => {
    const parsed = JSON.parse(resultsJson(rows, (r) => r.modelName ?? r.rowId, 'evolution', KEYS[3])) as {
      version: number;
      method: string;
      winner: string;
      rows: { role: string; key?: string; arch?: unknown; test?: { logLoss: number }; flops: number }[];
    };
    expect(parsed).toMatchObject({ version: 1, method: 'evolution', winner: KEYS[3] });
    expect(parsed.rows.map((r) => r.role)).toEqual(rows.map((r) => r.role));
    const finalistRow = parsed.rows[3]!;
    expect(finalistRow.test?.logLoss).toBe(0.44);
    expect(archFromJson(finalistRow.arch, TINY).arch).toEqual(ARCHS[3]);
    expect(parsed.rows[5]!.arch).toBeUndefined(); // logistic regression is not an architecture of the space
  });

  it('keeps a finalist whose candidate has not arrived as its own row', () => {
    expect(resultRows([], [finalist('finalist 1', 0, 0.4)]).map((r) => [r.role, r.testLogLoss])).toEqual([['finalist', 0.4]]);
  });
});
