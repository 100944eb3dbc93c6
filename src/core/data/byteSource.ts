// Byte sources for the loader: in-memory bytes, web ReadableStreams, and gzip decompression through DecompressionStream.
import { DataError } from './types.ts';

/** A named stream of byte chunks, consumed once. `totalBytes` (when known) drives percentages. */
export interface ByteSource {
  name: string;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  totalBytes?: number;
}

/** Serves a byte array in chunks of `chunkBytes` (default 1 MiB). */
export function bytesSource(name: string, bytes: Uint8Array, chunkBytes = 1 << 20): ByteSource {
  function* chunks(): Generator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, Math.min(i + chunkBytes, bytes.length));
  }
  return { name, chunks: chunks(), totalBytes: bytes.length };
}

/** Iterates a web ReadableStream (File.stream(), fetch body) chunk by chunk, releasing it on early exit. */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value && value.length > 0) yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Decompresses gzip chunks with the platform's DecompressionStream (browsers, workers, Node ≥ 18).
 * A truncated or corrupt stream throws DataError('gzip').
 */
export async function* gunzipChunks(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let inputError: unknown;
  let stopped = false;
  const pump = (async () => {
    try {
      for await (const chunk of input) {
        if (stopped) return;
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      }
      await writer.close();
    } catch (err) {
      inputError = err;
      await writer.abort(err).catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      let result: { done: boolean; value?: Uint8Array };
      try {
        result = await reader.read();
      } catch {
        if (inputError instanceof DataError) throw inputError;
        throw new DataError('gzip', 'The gzip file is truncated or corrupt: it ends before its compressed data does. Download it again, or load the uncompressed file.');
      }
      if (result.done) break;
      if (result.value && result.value.length > 0) yield result.value;
    }
    await pump;
    if (inputError !== undefined) throw inputError;
  } finally {
    stopped = true;
    await reader.cancel().catch(() => undefined);
  }
}
