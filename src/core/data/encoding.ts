// How raw rows became network inputs, as plain data: what a program outside the playground (the generated PyTorch
// code, an exported model's reader) needs to encode rows exactly as the loader did.
import type { Schema } from './schema.ts';
import { ENCODING_VERSION, type DataEncoding, type EncodedColumn } from './types.ts';

export { ENCODING_VERSION, type DataEncoding, type EncodedColumn } from './types.ts';

/** The encoding of a schema once bucket counts are known (`buckets[f]` for categorical field f). */
export function encodingOf(schema: Schema, buckets: readonly number[]): DataEncoding {
  if (buckets.length !== schema.categorical.length) throw new RangeError(`${buckets.length} bucket counts for ${schema.categorical.length} categorical fields`);
  return {
    version: ENCODING_VERSION,
    format: schema.format,
    delimiter: schema.delimiter === 9 ? '\t' : ',',
    hasHeader: schema.hasHeader,
    columns: schema.roles.map((r, c): EncodedColumn => ({ name: schema.columns[c] ?? `column${c + 1}`, ...r })),
    dense: [...schema.dense],
    categorical: schema.categorical.map((name, f) => ({ name, buckets: buckets[f]! })),
  };
}
