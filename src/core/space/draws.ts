// Elementary random draws the samplers are built from; every one reads only the Rng it is given.
import type { Rng } from '../rng.ts';

/** One uniform element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('cannot pick from an empty list');
  return items[rng.int(0, items.length)]!;
}

/** Binomial(n, 1/2): the number of heads in n fair coin flips. */
export function binomialHalf(rng: Rng, n: number): number {
  let k = 0;
  for (let t = 0; t < n; t++) if (rng.bernoulli(0.5)) k++;
  return k;
}

/** k distinct integers drawn uniformly without replacement from 0..n−1 (partial Fisher–Yates), ascending. */
export function chooseDistinct(rng: Rng, n: number, k: number): number[] {
  if (!(k >= 0 && k <= n)) throw new RangeError(`cannot choose ${k} of ${n}`);
  const pool = new Array<number>(n);
  for (let j = 0; j < n; j++) pool[j] = j;
  for (let t = 0; t < k; t++) {
    const j = rng.int(t, n);
    const tmp = pool[t]!;
    pool[t] = pool[j]!;
    pool[j] = tmp;
  }
  pool.length = k;
  // Insertion sort: k is at most a handful.
  for (let t = 1; t < k; t++) {
    const v = pool[t]!;
    let u = t - 1;
    for (; u >= 0 && pool[u]! > v; u--) pool[u + 1] = pool[u]!;
    pool[u + 1] = v;
  }
  return pool;
}

/** k distinct members of a list, kept in the list's order. */
export function chooseSubset<T>(rng: Rng, items: readonly T[], k: number): T[] {
  return chooseDistinct(rng, items.length, k).map((j) => items[j]!);
}
