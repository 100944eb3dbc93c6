// Picks the tfjs backend for training: WebGPU, then wasm, then cpu; each must pass a training self-test first.
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
  /** Why faster backends were not used (absent when WebGPU was chosen). */
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

/** Tries WebGPU, then wasm, then cpu. Never throws: the cpu backend always exists. */
export async function chooseBackend(): Promise<BackendChoice> {
  const gpu = await tryWebGpu();
  if ('adapter' in gpu) return { name: 'webgpu', adapter: gpu.adapter };
  let reason = gpu.reason;
  try {
    const failure = await selfTest('wasm');
    if (!failure) return { name: 'wasm', reason };
    reason += `; wasm failed its self-test: ${failure}`;
  } catch (err) {
    reason += `; wasm failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: 'cpu', reason };
}
