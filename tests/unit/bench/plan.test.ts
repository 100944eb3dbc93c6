// The train bench's plan: every preset at both batches, and time estimates that decide which slow cases are skipped.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { countReads, type TrainRow } from '../../../bench/measure.ts';
import { estimateMsPerStep, estimateWasmHeapMiB, skipReason, TRAIN_CASES } from '../../../bench/plan.ts';

const row = (preset: TrainRow['preset'], batch: number, msPerStep: number, wasmHeapMiB: number | null = null): TrainRow => ({
  backend: 'x',
  preset,
  batch,
  steps: 3,
  warmupSteps: 3,
  warmupMs: 0,
  msPerStep,
  stepsPerSec: 1000 / msPerStep,
  samplesPerSec: (1000 * batch) / msPerStep,
  kernelsPerStep: 0,
  readbacksPerStep: 0,
  backendReadsPerStep: 0,
  shaderCompilesAfterWarmup: null,
  tensorMiB: 0,
  hostTablesMiB: 0,
  computeKernelsPerStep: 0,
  wasmHeapMiB,
});

describe('train bench plan', () => {
  it('covers Tiny, Small and Full at batch 512 and 4096, smaller batches first', () => {
    expect(TRAIN_CASES.map((c) => `${c.preset}@${c.batch}`)).toEqual(['tiny@512', 'small@512', 'full@512', 'tiny@4096', 'small@4096', 'full@4096']);
  });

  it('scales a measured preset by the batch ratio', () => {
    expect(estimateMsPerStep({ preset: 'small', batch: 4096 }, [row('small', 512, 100)])).toBe(800);
  });

  it('scales another preset at the same batch by the reference backend’s ratio', () => {
    const reference = [row('tiny', 512, 10), row('full', 512, 70)];
    expect(estimateMsPerStep({ preset: 'full', batch: 512 }, [row('tiny', 512, 200)], reference)).toBeCloseTo(1400);
  });

  it('knows nothing without a measured row', () => {
    expect(estimateMsPerStep({ preset: 'tiny', batch: 512 }, [], [row('tiny', 512, 10)])).toBeUndefined();
  });
});

describe('skipReason', () => {
  const budget = { warmupSteps: 3, minSteps: 3, maxSteps: 40, budgetMs: 8_000 };
  it('skips a case whose warm-up, timed and profiled steps would exceed the budget, saying the estimate', () => {
    // 800 ms/step × (3 warm-up + 3 timed + 5 profiled) steps = 8.8 s.
    expect(skipReason({ preset: 'small', batch: 4096 }, budget, 8_000, [row('small', 512, 100)])).toBe('estimated 0.8 s/step: over the 8 s case budget');
    expect(skipReason({ preset: 'small', batch: 4096 }, budget, 9_000, [row('small', 512, 100)])).toBeUndefined();
  });
  it('skips a case whose preset was already skipped at a smaller batch, even with no estimate of its own', () => {
    const skipped = [{ preset: 'full' as const, batch: 512 }];
    expect(estimateMsPerStep({ preset: 'full', batch: 4096 }, [row('tiny', 4096, 100)], [])).toBeUndefined();
    expect(skipReason({ preset: 'full', batch: 4096 }, budget, 1e9, [row('tiny', 4096, 100)], [], skipped)).toBe('full at batch 512 was already skipped on this backend');
    expect(skipReason({ preset: 'small', batch: 4096 }, budget, 1e9, [], [], skipped)).toBeUndefined();
  });
  it('skips a wasm case whose heap, scaled from the same preset by the batch, would pass what wasm32 can address', () => {
    // Small at 512 left a 600 MiB heap: at 4096 that is 4.7 GiB, over the 3.5 GiB limit; Tiny's 144 MiB gives 1.1 GiB.
    const measured = [row('tiny', 512, 10, 144), row('small', 512, 100, 600)];
    expect(skipReason({ preset: 'small', batch: 4096 }, budget, 1e9, measured)).toBe('estimated 4.7 GiB of wasm heap: over the 3.5 GiB tfjs-wasm can use (wasm32)');
    expect(skipReason({ preset: 'tiny', batch: 4096 }, budget, 1e9, measured)).toBeUndefined();
    expect(estimateWasmHeapMiB({ preset: 'full', batch: 4096 }, measured)).toBeUndefined();
    expect(estimateWasmHeapMiB({ preset: 'tiny', batch: 4096 }, [row('tiny', 512, 10, null)])).toBeUndefined();
  });

  it('runs a case it cannot estimate', () => {
    expect(skipReason({ preset: 'full', batch: 512 }, budget, 1, [])).toBeUndefined();
  });
});

describe('countReads', () => {
  it('counts the reads code asks for apart from kernels’ own, and restores the backend', async () => {
    await tf.setBackend('cpu');
    const engine = tf.engine() as unknown as { read: unknown };
    const own = engine.read;
    const x = tf.tensor1d([1, 2, 3]);
    const reads = countReads();
    await x.data();
    x.dataSync();
    reads.stop();
    expect(reads.explicit).toBe(2);
    expect(reads.backend).toBeGreaterThanOrEqual(2);
    expect(engine.read).toBe(own);
    x.dispose();
  });
});
