// The population-over-time chart's data: one point per scored candidate, the best-so-far line, generation bands. Pure.
import type { CandidateMessage } from '../../../worker/protocol.ts';
import type { LinePoint } from '../../charts/lineData.ts';

export type PopulationSeries = 'initial' | 'child' | 'random';

export interface PopulationPoint {
  /** The candidate's arch key (links it to the other views). */
  id: string;
  /** 1-based order in which it was scored. */
  x: number;
  /** Proxy loss. */
  y: number;
  series: PopulationSeries;
  generation: number;
}

/** A run of consecutive candidates of one generation, shaded behind the points (x in scoring order, inclusive). */
export interface GenerationBand {
  key: string;
  from: number;
  to: number;
  label: string;
}

/** One point per candidate; initial members and random draws (generation −1) apart from evolved children. */
export function populationPoints(candidates: readonly CandidateMessage[], method: 'evolution' | 'random'): PopulationPoint[] {
  return candidates.map((c) => ({
    id: c.key,
    x: c.index + 1,
    y: c.loss,
    series: method === 'random' ? 'random' : c.generation < 0 ? 'initial' : 'child',
    generation: c.generation,
  }));
}

/** The lowest proxy loss after each candidate, as a step line (x = 1-based order). */
export function bestSoFar(candidates: readonly CandidateMessage[]): LinePoint[] {
  let best = Infinity;
  return candidates.map((c) => {
    if (c.loss < best) best = c.loss;
    return { x: c.index + 1, y: best };
  });
}

/** "initial population" / "generation 3" (core counts generations from 0; people from 1). */
export function generationLabel(generation: number, method: 'evolution' | 'random'): string {
  if (method === 'random') return 'random draws';
  return generation < 0 ? 'initial population' : `generation ${generation + 1}`;
}

/** Consecutive candidates grouped by generation, in scoring order. */
export function generationBands(candidates: readonly CandidateMessage[], method: 'evolution' | 'random'): GenerationBand[] {
  const bands: GenerationBand[] = [];
  for (const c of candidates) {
    const last = bands[bands.length - 1];
    const key = `g${c.generation}`;
    if (last && last.key === key) last.to = c.index + 1;
    else bands.push({ key, from: c.index + 1, to: c.index + 1, label: generationLabel(c.generation, method) });
  }
  return bands;
}
