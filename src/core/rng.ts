// The one seeded PRNG of the playground (sfc32), split into named streams. No Math.random in src/core.

/** A run seed: an unsigned 32-bit integer. Branded so it is never mixed up with a count or a step. */
export type Seed = number & { readonly __brand: 'Seed' };

/** Names of the independent random streams a run draws from. */
export type StreamName = 'init' | 'sampler' | 'evolution' | 'data' | 'split' | 'generator' | 'batches' | (string & {});

/** Validates and brands a seed. Throws on anything but an integer in [0, 2^32). */
export function toSeed(value: number): Seed {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`seed must be an integer in [0, 4294967295], got ${String(value)}`);
  }
  return value as Seed;
}

/** A deterministic random source. Every method advances the same sfc32 state. */
export interface Rng {
  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [lo, hi). Throws when hi <= lo. */
  int(lo: number, hi: number): number;
  /** Standard normal draw (Box–Muller, one value per call). */
  normal(): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** In-place Fisher–Yates shuffle; returns its argument. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
  /**
   * An independent generator derived from this one's seed and a name; the parent is not advanced,
   * so adding a stream never changes the draws of another.
   */
  stream(name: StreamName): Rng;
  /** A non-zero 31-bit seed for tfjs initializers (tfjs treats 0 as "unseeded"). */
  tfSeed(): number;
}

/** FNV-1a over the UTF-16 code units of a name, used to derive stream seeds. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads one 32-bit value into well-mixed state words. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seedWord: number) {
    this.a = splitmix32(seedWord);
    this.b = splitmix32(this.a ^ 0x6a09e667);
    this.c = splitmix32(this.b ^ 0xbb67ae85);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32(); // discard the warm-up outputs
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(lo: number, hi: number): number {
    if (!(hi > lo)) throw new RangeError(`int(lo, hi) needs hi > lo, got [${lo}, ${hi})`);
    return lo + Math.floor(this.next() * (hi - lo));
  }

  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log stays finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  stream(name: StreamName): Rng {
    return new Sfc32(splitmix32(this.seedWord ^ hashName(name)));
  }

  tfSeed(): number {
    return 1 + (this.nextUint32() % 0x7ffffffe);
  }
}

/** Creates the run's root generator. The same seed always gives the same sequence. */
export function rngFromSeed(seed: Seed): Rng {
  return new Sfc32(toSeed(seed));
}
