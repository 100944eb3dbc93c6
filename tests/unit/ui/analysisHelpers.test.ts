// Small helpers of the search and rank panels: time left, the start gate, sorting, ranks, CSV, plurals.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/ui/csv.ts';
import { plural } from '../../../src/ui/format.ts';
import { countText, etaText, fractionDone } from '../../../src/ui/panels/analysis/eta.ts';
import { isJobLive } from '../../../src/ui/panels/analysis/jobStatus.ts';
import { rankAmong, sortByValue } from '../../../src/ui/panels/analysis/sortByValue.ts';
import { analysisBlocker, analysisNextStep } from '../../../src/ui/panels/analysis/supernetGate.ts';
import type { GateInput, SupernetInfo } from '../../../src/ui/panels/analysis/supernetGate.ts';
import type { DataReadyMessage } from '../../../src/worker/protocol.ts';
import { TINY } from './analysisFixtures.ts';

describe('etaText', () => {
  it('says it is estimating before there is a pace', () => {
    expect(etaText(undefined)).toBe('estimating time left…');
    expect(etaText(Number.NaN)).toBe('estimating time left…');
    expect(etaText(-1)).toBe('estimating time left…');
  });

  it('rounds to seconds under a minute (at least 1 s), minutes under an hour, then tenths of hours', () => {
    expect(etaText(0.2)).toBe('about 1 s left');
    expect(etaText(42.4)).toBe('about 42 s left');
    expect(etaText(59.4)).toBe('about 59 s left');
    expect(etaText(150)).toBe('about 3 min left');
    expect(etaText(3600 * 1.25)).toBe('about 1.3 h left');
  });

  it('writes counts with separators and clamps the fraction done', () => {
    expect(countText(1200, 56000)).toBe('1,200 of 56,000');
    expect(fractionDone(3, 12)).toBe(0.25);
    expect(fractionDone(0, 0)).toBe(0);
    expect(fractionDone(5, 4)).toBe(1);
  });
});

describe('analysisBlocker', () => {
  const data = { type: 'dataReady', id: 1 } as unknown as DataReadyMessage;
  const supernet: SupernetInfo = { space: TINY, data, steps: 40, reason: 'finished', valLoss: 0.5 };
  const ready: GateInput = { supernet, data, trainingLive: false, running: undefined, self: 'search' };

  it('lets a job start once a supernet of the current data is trained and nothing else runs', () => {
    expect(analysisBlocker(ready)).toBeUndefined();
  });

  it('asks to train a supernet first when there is none', () => {
    expect(analysisBlocker({ ...ready, supernet: undefined })).toMatch(/^Train a supernet in step 3 first/);
  });

  it('waits for a live training run, whether or not an older supernet exists', () => {
    expect(analysisBlocker({ ...ready, trainingLive: true })).toMatch(/still training/);
    expect(analysisBlocker({ ...ready, supernet: undefined, trainingLive: true })).toMatch(/still training/);
  });

  it('asks to retrain when the data changed since the supernet was trained', () => {
    const other = { type: 'dataReady', id: 2 } as unknown as DataReadyMessage;
    expect(analysisBlocker({ ...ready, data: other })).toMatch(/data changed/);
    expect(analysisBlocker({ ...ready, data: undefined })).toMatch(/data changed/);
  });

  it('names the other job when one is running, but not the panel’s own', () => {
    expect(analysisBlocker({ ...ready, running: 'rank' })).toBe('A rank check is running (one job at a time). Wait for it to finish or stop it first.');
    expect(analysisBlocker({ ...ready, self: 'rank', running: 'search' })).toMatch(/^A search is running/);
    expect(analysisBlocker({ ...ready, running: 'search' })).toBeUndefined();
  });

  it('gives a next step for each worker error code', () => {
    expect(analysisNextStep('noSupernet')).toMatch(/Train a supernet in step 3/);
    expect(analysisNextStep('busy')).toMatch(/Wait for the running job/);
    expect(analysisNextStep('badOption')).toMatch(/Correct the setting/);
    expect(analysisNextStep('crash')).toMatch(/Reload/);
    expect(analysisNextStep(undefined)).toMatch(/Start again/);
  });

  it('counts running and stopping as live', () => {
    expect(['idle', 'running', 'stopping', 'done', 'stopped', 'error'].map((s) => isJobLive(s as never))).toEqual([false, true, true, false, false, false]);
  });
});

describe('sortByValue', () => {
  const rows = [{ v: 3 }, { v: undefined }, { v: 1 }, { v: Number.NaN }, { v: 3 }, { v: 2 }];

  it('sorts ascending with missing values last and ties in input order', () => {
    expect(sortByValue(rows, (r) => r.v, false).map((r) => rows.indexOf(r))).toEqual([2, 5, 0, 4, 1, 3]);
  });

  it('sorts descending with missing values still last', () => {
    expect(sortByValue(rows, (r) => r.v, true).map((r) => rows.indexOf(r))).toEqual([0, 4, 5, 2, 1, 3]);
  });

  it('ranks lower-is-better values from 1, ties sharing the better rank, NaN unranked', () => {
    const values = [0.5, 0.3, 0.5, Number.NaN, 0.1];
    expect([0, 1, 2, 3, 4].map((i) => rankAmong(values, i))).toEqual([3, 2, 3, undefined, 1]);
  });
});

describe('toCsv and plural', () => {
  it('quotes fields with commas, quotes or line breaks and leaves missing numbers empty', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [1.5, undefined], [Number.NaN, 'line\nbreak']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n1.5,\r\n,"line\nbreak"\r\n');
  });

  it('uses the singular for exactly one', () => {
    expect(plural(1, 'finalist')).toBe('1 finalist');
    expect(plural(0, 'finalist')).toBe('0 finalists');
    expect(plural(1200, 'architecture')).toBe('1,200 architectures');
  });
});
