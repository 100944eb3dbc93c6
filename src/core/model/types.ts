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
