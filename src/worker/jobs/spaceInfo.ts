// The spaceInfo job: size of a search space and its supernet's parameter counts for the loaded data.
import type { Dataset } from '../../core/data/types.ts';
import { spaceSize, supernetParams, validateSpace, type SpaceConfig } from '../../core/space/index.ts';
import { inputShapeOf } from '../../core/train/batches.ts';
import type { SpaceInfoMessage } from '../protocol.ts';

/** Criteo's shape (13 dense, 26 categorical) stands in until data is loaded. */
const DEFAULT_INPUT = { dense: 13, sparse: 26 };

export function spaceInfo(id: number, space: SpaceConfig, data: Dataset | undefined): SpaceInfoMessage {
  try {
    validateSpace(space);
  } catch (err) {
    return { type: 'spaceInfo', id, sizeLog10: 0, sizeText: '', supernetParams: 0, embeddingParams: 0, error: err instanceof Error ? err.message : String(err) };
  }
  const size = spaceSize(space);
  const input = data ? inputShapeOf(data) : DEFAULT_INPUT;
  const embeddingParams = data ? data.categorical.reduce((s, c) => s + c.buckets * space.embeddingDim, 0) : 0;
  return { type: 'spaceInfo', id, sizeLog10: size.log10, sizeText: size.text, supernetParams: supernetParams(space, input, { layerNorm: true }).total, embeddingParams };
}
