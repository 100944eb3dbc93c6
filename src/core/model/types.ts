// Contracts of the networks (NASREC.md §3, §5, §7): what the training loop needs from a supernet or a standalone net.
import type * as tf from '@tensorflow/tfjs';
import type { Arch, InputShape, SpaceConfig, SupernetPath } from '../space/types.ts';
import type { Rng } from '../rng.ts';

/**
 * A network's non-embedding part. Embedding tables live outside it (host-side, updated sparsely by the
 * trainer); the network receives the already gathered embeddings.
 */
export interface TrainableNet {
  /** Every trainable non-embedding variable, in a stable order (names are unique and descriptive). */
  readonly variables: readonly tf.Variable[];
  /** Frees all variables and cached constants (masks, zeros). */
  dispose(): void;
}

/** The weight-sharing supernet: every op allocated once at maximum size (§7). */
export interface Supernet extends TrainableNet {
  readonly space: SpaceConfig;
  readonly input: InputShape;
  readonly layerNorm: boolean;
  /**
   * Logits of the sampled path.
   * @param dense0 [B, input.dense] transformed dense features
   * @param sparse0 [B, input.sparse, E] gathered embeddings
   * @returns [B, 1] raw scores (no sigmoid)
   */
  forward(dense0: tf.Tensor2D, sparse0: tf.Tensor3D, path: SupernetPath): tf.Tensor2D;
}

/** A standalone ("fixed") network built from one Arch with fresh weights (§5, §11). */
export interface StandaloneNet extends TrainableNet {
  readonly arch: Arch;
  readonly input: InputShape;
  readonly layerNorm: boolean;
  /** @returns [B, 1] logits from dense0 [B, input.dense] and sparse0 [B, input.sparse, E]. */
  forward(dense0: tf.Tensor2D, sparse0: tf.Tensor3D): tf.Tensor2D;
}

export interface NetOptions {
  /** Initial weights are drawn from this generator in JS, so they are the same on every backend. */
  rng: Rng;
  /** LayerNorm after projections (supernet: on, §8.2; final standalone model: off, §11). */
  layerNorm: boolean;
}

export type CreateSupernet = (space: SpaceConfig, input: InputShape, options: NetOptions) => Supernet;
export type CreateStandalone = (arch: Arch, space: SpaceConfig, input: InputShape, options: NetOptions) => StandaloneNet;

/** Variables of a network keyed by a name relative to the network (e.g. `b0/fc/w`, `final/w`); see params.ts. */
export type ParamTable = ReadonlyMap<string, tf.Variable>;

/**
 * The supernet as built by `createSupernet`: the `Supernet` contract plus what the fine-tuning proxy (§9) and
 * the weight copy need. The proxy freezes embeddings and blocks, so `features` can be computed once per batch
 * and only `head` trained, with `finalLayerVariables()` as the variable list of `tf.variableGrads`.
 */
export interface NasrecSupernet extends Supernet {
  /** Every variable by relative name (same variables as `variables`). */
  readonly params: ParamTable;
  /** Width of the final layer's input: Dmax + rowsPerBlock·E (§7 "Final layer"). */
  readonly featureWidth: number;
  /**
   * Input of the final logit layer for a path.
   * @returns [B, featureWidth]: the last block's dense output [B, Dmax], then its sparse output flattened
   * channel-major (feature Dmax + e·rowsPerBlock + n holds row n, channel e)
   */
  features(dense0: tf.Tensor2D, sparse0: tf.Tensor3D, path: SupernetPath): tf.Tensor2D;
  /** The final logit layer alone. @param features [B, featureWidth] @returns [B, 1] logits */
  head(features: tf.Tensor2D): tf.Tensor2D;
  /** The final logit layer's variables, [weight [featureWidth, 1], bias [1]]: all the proxy fine-tunes (§9). */
  finalLayerVariables(): readonly tf.Variable[];
}

/** A standalone network as built by `createStandalone`: the contract plus its named variables. */
export interface NasrecStandalone extends StandaloneNet {
  readonly params: ParamTable;
  /** live[i]: block i feeds the output (dead blocks, §3, are neither allocated nor computed). */
  readonly live: readonly boolean[];
}
