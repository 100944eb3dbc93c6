// The trained supernet the worker keeps after a training run, for search and rank.
import type { Dataset } from '../../core/data/types.ts';
import type { SpaceConfig } from '../../core/space/types.ts';
import type { TrainConfig } from '../../core/train/config.ts';
import type { SupernetTrainer } from '../../core/train/trainer.ts';

export interface TrainedSupernet {
  trainer: SupernetTrainer;
  dataset: Dataset;
  space: SpaceConfig;
  /** The recipe it was trained with (the rank ablation trains its supernets the same way). */
  train: TrainConfig;
  seed: number;
}
