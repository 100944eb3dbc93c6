// Picks the tfjs backend for training: WebGPU first, then the CPU fall-back, and says why.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendName } from '../protocol.ts';

export interface BackendChoice {
  name: BackendName;
  adapter?: string;
  /** Why a faster backend was not used (absent when WebGPU was chosen). */
  reason?: string;
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: unknown): Promise<GpuAdapterLike | null>;
}

/** A readable adapter name, e.g. "google swiftshader (software adapter)". */
function describeAdapter(adapter: GpuAdapterLike): string {
  const info = adapter.info ?? {};
  const parts = [info.vendor, info.architecture, info.device, info.description].filter((p): p is string => !!p && p.length > 0);
  const name = parts.length > 0 ? [...new Set(parts)].join(' ') : 'unknown adapter';
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter;
  return fallback ? `${name} (software adapter)` : name;
}

/** Tries WebGPU, then CPU. Never throws: the CPU backend always exists. */
export async function chooseBackend(): Promise<BackendChoice> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  let reason: string;
  if (!gpu) {
    reason = 'this browser does not expose WebGPU (navigator.gpu is missing)';
  } else {
    try {
      const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) {
        reason = 'no WebGPU adapter is available (requestAdapter returned null)';
      } else if (await tf.setBackend('webgpu')) {
        await tf.ready();
        return { name: 'webgpu', adapter: describeAdapter(adapter) };
      } else {
        reason = 'the tfjs WebGPU backend failed to initialise';
      }
    } catch (err) {
      reason = `WebGPU failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: 'cpu', reason };
}
