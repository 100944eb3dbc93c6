// Allocation of a network's variables: deterministic JS-side initial values (NASREC.md §8.2), unique tfjs names.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng.ts';
import type { ParamTable } from './types.ts';

let netCounter = 0;

/** A fresh prefix for one network's variable names (tfjs requires globally unique names). */
export function nextNetPrefix(kind: string): string {
  netCounter += 1;
  return `${kind}#${netCounter}`;
}

/**
 * Creates and owns the variables of one network, in creation order. Initial values are drawn from `rng` in JS,
 * so one seed gives the same weights on every backend. Relative names look like `b2/dp/w3`.
 */
export class ParamStore {
  private readonly table = new Map<string, tf.Variable>();
  private readonly order: tf.Variable[] = [];

  constructor(
    private readonly prefix: string,
    private readonly rng: Rng,
  ) {}

  /** Xavier-uniform [fanIn, fanOut] matrix (PyTorch `xavier_uniform_`, bound √(6/(fanIn+fanOut))), used as x·W. */
  xavier(name: string, fanIn: number, fanOut: number): tf.Variable {
    return this.xavierShaped(name, [fanIn, fanOut], fanIn, fanOut);
  }

  /** Xavier-uniform values of any shape with explicit fans (the fused MHA in-projection is one [E, 3E] matrix). */
  xavierShaped(name: string, shape: number[], fanIn: number, fanOut: number): tf.Variable {
    const bound = Math.sqrt(6 / (fanIn + fanOut));
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = (2 * this.rng.next() - 1) * bound;
    return this.add(name, tf.tensor(values, shape));
  }

  /** A vector filled with `value` (zero biases; LayerNorm gains 1, or 0.17 in attention, §5). */
  filled(name: string, length: number, value: number): tf.Variable {
    return this.add(name, tf.fill([length], value));
  }

  get variables(): readonly tf.Variable[] {
    return this.order;
  }

  get params(): ParamTable {
    return this.table;
  }

  dispose(): void {
    for (const v of this.order) v.dispose();
    this.order.length = 0;
    this.table.clear();
  }

  private add(name: string, init: tf.Tensor): tf.Variable {
    if (this.table.has(name)) throw new Error(`duplicate parameter name "${name}"`);
    const v = tf.variable(init, true, `${this.prefix}/${name}`);
    init.dispose();
    this.table.set(name, v);
    this.order.push(v);
    return v;
  }
}
