// Picks the tfjs backend for training: the page's preference if any, else WebGPU, then wasm, then cpu; each must pass a training self-test first.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from '../protocol.ts';
import { selfTest } from './selfTest.ts';

export interface BackendChoice {
  name: BackendName;
  adapter?: string;
  /** Why faster backends were not used (absent when WebGPU was chosen unasked), or that the page address chose it. */
  reason?: string;
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: unknown): Promise<GpuAdapterLike | null>;
}

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
// tfjs starts the threaded wasm build's pthread workers from its factory's source text (`toString()`), which
// refers to names a minifying production build renames ("e is not defined"): the backend then never starts.
// Production builds use the single-threaded SIMD build; the dev server keeps threads.
if (import.meta.env.PROD) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** A readable adapter name, e.g. "google swiftshader (software adapter)". */
function describeAdapter(adapter: GpuAdapterLike): string {
  const info = adapter.info ?? {};
  const parts = [info.vendor, info.architecture, info.device, info.description].filter((p): p is string => !!p && p.length > 0);
  const name = parts.length > 0 ? [...new Set(parts)].join(' ') : 'unknown adapter';
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter;
  return fallback ? `${name} (software adapter)` : name;
}

async function tryWebGpu(): Promise<{ adapter: string } | { reason: string }> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { reason: 'this browser does not expose WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { reason: 'no WebGPU adapter is available (requestAdapter returned null)' };
    const failure = await selfTest('webgpu');
    return failure ? { reason: `WebGPU failed its self-test: ${failure}` } : { adapter: describeAdapter(adapter) };
  } catch (err) {
    return { reason: `WebGPU failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** One backend's attempt: it passed its self-test (and is now selected), or the reason it did not. */
type Attempt = { ok: true; adapter?: string } | { ok: false; reason: string };

/** Fastest first: the order backends are tried in, and the way down a failing run moves. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

async function attempt(name: BackendName): Promise<Attempt> {
  if (name === 'webgpu') {
    const gpu = await tryWebGpu();
    return 'adapter' in gpu ? { ok: true, adapter: gpu.adapter } : { ok: false, reason: gpu.reason };
  }
  if (name === 'wasm') {
    try {
      const failure = await selfTest('wasm');
      return failure ? { ok: false, reason: `wasm failed its self-test: ${failure}` } : { ok: true };
    } catch (err) {
      return { ok: false, reason: `wasm failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { ok: true };
}

/**
 * The page's backend preference, carried in the worker's `name` ("nasrec-trainer backend=wasm", written by
 * client.ts from the page address `?backend=`). `undefined` when there is none.
 */
export function backendPreference(workerName: string): BackendName | undefined {
  const match = /(?:^|\s)backend=(webgpu|wasm|cpu)(?:\s|$)/.exec(workerName);
  return match ? (match[1] as BackendName) : undefined;
}

/**
 * Tries `preferred` first when given (it must pass its self-test too), then WebGPU, wasm, cpu, leaving out the
 * backends in `exclude` (ones that failed mid-run; cpu is always tried last). Never throws: the cpu backend always exists. A preferred backend in use says so in `reason`; one that failed says why, then why
 * each faster backend was not used.
 */
export async function chooseBackend(preferred?: BackendName, exclude: ReadonlySet<BackendName> = new Set()): Promise<BackendChoice> {
  const reasons: string[] = [];
  if (preferred && !exclude.has(preferred)) {
    const got = await attempt(preferred);
    if (got.ok) return { name: preferred, ...(got.adapter ? { adapter: got.adapter } : {}), reason: `chosen by the page address (?backend=${preferred})` };
    reasons.push(`the page address asked for ${preferred} (?backend=${preferred}), but ${got.reason}`);
  }
  for (const name of BACKEND_ORDER) {
    if (name === preferred || (exclude.has(name) && name !== 'cpu')) continue;
    const got = await attempt(name);
    if (got.ok) return { name, ...(got.adapter ? { adapter: got.adapter } : {}), ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}) };
    reasons.push(got.reason);
  }
  // Unreachable: the cpu attempt always succeeds.
  return { name: 'cpu', reason: reasons.join('; ') };
}
