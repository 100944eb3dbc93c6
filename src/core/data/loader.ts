// The streaming load: bytes → (gunzip) → lines → schema from the head → encoded rows → Dataset and statistics.
import { gunzipChunks, type ByteSource } from './byteSource.ts';
import { assertText, detectFormat, isGzip } from './detect.ts';
import { RowEncoder } from './encoder.ts';
import { finalize, validateBucketOptions } from './finalize.ts';
import { LineSplitter } from './lines.ts';
import { avazuSchema, criteoSchema, csvSchema, type Schema } from './schema.ts';
import { splitCellsText } from './cells.ts';
import { DataError, type DataProgress, type LoadOptions, type LoadResult } from './types.ts';

/** Data lines read before a generic CSV's column kinds are inferred. */
export const SNIFF_LINES = 1000;

export interface LoadHooks {
  /** Called after every chunk; the host throttles what it forwards. */
  onProgress?(progress: DataProgress): void;
  /** Checked between chunks; an aborted load throws DataError('cancelled'). AbortSignal fits. */
  signal?: { readonly aborted: boolean };
  /** Awaited between chunks so a host's event loop can run (messages, cancellation). */
  breathe?(): Promise<void>;
  /** Milliseconds clock for `elapsedMs` (default Date.now). */
  now?(): number;
}

/**
 * Loads a CTR dataset from a byte stream without holding its text: detects gzip and the format,
 * parses and hashes rows into columns, skips and reports bad rows, and splits 80/10/10.
 * @throws DataError with a user-facing message on empty, binary, truncated or unusable input
 */
export async function loadDataset(source: ByteSource, options: LoadOptions, hooks: LoadHooks = {}): Promise<LoadResult> {
  validateBucketOptions(options);
  const now = hooks.now ?? Date.now;
  const started = now();
  let bytesRead = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source.chunks) {
      bytesRead += chunk.length;
      // A plain Uint8Array view (not a Node Buffer subclass) keeps the byte loops monomorphic.
      yield chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  const state = new LineState(options);
  let first = true;
  for await (const chunk of decoded(counted())) {
    if (hooks.signal?.aborted) throw new DataError('cancelled', 'Load cancelled.');
    if (first) {
      assertText(chunk);
      first = false;
    }
    state.splitter.push(chunk);
    hooks.onProgress?.({ bytes: bytesRead, rows: state.rows, ...(source.totalBytes !== undefined ? { totalBytes: source.totalBytes } : {}) });
    if (hooks.breathe) await hooks.breathe();
  }
  if (hooks.signal?.aborted) throw new DataError('cancelled', 'Load cancelled.');
  if (first) throw new DataError('empty', `${source.name} is empty. Choose a file with a header or data rows.`);
  state.splitter.end();
  const encoder = state.finish();
  return finalize({ source: source.name, schema: state.schema!, encoder, options, bytes: bytesRead, elapsedMs: now() - started });
}

/** Passes chunks through, or through gunzip when the first bytes are the gzip magic. */
async function* decoded(input: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  const head = await input.next();
  if (head.done) return;
  if (!isGzip(head.value)) {
    yield head.value;
    yield* input;
    return;
  }
  async function* rejoined(): AsyncGenerator<Uint8Array> {
    yield head.value as Uint8Array;
    yield* input;
  }
  yield* gunzipChunks(rejoined());
}

/** Holds the head lines until the schema is known, then encodes every line as it arrives. */
class LineState {
  readonly splitter: LineSplitter;
  schema: Schema | undefined;
  private encoder: RowEncoder | undefined;
  private header: Uint8Array | undefined;
  private headerLine = 0;
  private readonly head: { line: Uint8Array; lineNo: number }[] = [];

  constructor(private readonly options: LoadOptions) {
    this.splitter = new LineSplitter((buf, start, end, lineNo) => this.onLine(buf, start, end, lineNo));
  }

  get rows(): number {
    return this.encoder ? this.encoder.rows : 0;
  }

  private onLine(buf: Uint8Array, start: number, end: number, lineNo: number): void {
    if (this.encoder) {
      this.encoder.encode(buf, start, end, lineNo);
      return;
    }
    if (start === end) return;
    if (!this.header) {
      this.header = buf.slice(start, end);
      this.headerLine = lineNo;
      return;
    }
    this.head.push({ line: buf.slice(start, end), lineNo });
    if (this.head.length >= SNIFF_LINES) this.startEncoding();
  }

  /** Ends the head phase (or the whole load) and returns the encoder. */
  finish(): RowEncoder {
    if (!this.encoder) {
      if (!this.header) throw new DataError('empty', 'The file has no rows (only blank lines).');
      this.startEncoding();
    }
    return this.encoder!;
  }

  private startEncoding(): void {
    const header = this.header!;
    const detected = detectFormat(header);
    const format = this.options.format ?? detected.format;
    const sample = this.head.map((h) => h.line);
    let schema: Schema;
    if (format === 'criteo') schema = criteoSchema();
    else if (format === 'avazu') schema = avazuSchema(splitCellsText(header, detected.delimiter), detected.delimiter);
    else schema = csvSchema(splitCellsText(header, detected.delimiter), detected.delimiter, sample, this.options);
    this.schema = schema;
    const encoder = new RowEncoder(schema);
    if (!schema.hasHeader) encoder.encode(header, 0, header.length, this.headerLine);
    for (const h of this.head) encoder.encode(h.line, 0, h.line.length, h.lineNo);
    this.head.length = 0;
    this.encoder = encoder;
  }
}
