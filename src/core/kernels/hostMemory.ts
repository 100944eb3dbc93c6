// Float32 host memory of the backends whose tensors live on the host (cpu: JS arrays; wasm: the wasm heap), for fused kernels written in TypeScript.
import * as tf from '@tensorflow/tfjs';

/** The backends the fused kernels are registered for. */
export const HOST_MEMORY_BACKENDS = ['cpu', 'wasm'] as const;

/**
 * Above this many elements the wasm backend's SIMD kernels beat a fused kernel's plain TypeScript loop even after
 * paying their per-kernel cost (measured: Adagrad on 4M values 34 ms fused vs 25 ms op by op; LayerNorm on
 * [512, 512] 8.0 vs 6.7 ms), so only small tensors are fused there. The cpu backend always gains.
 */
export const WASM_FUSED_MAX_ELEMENTS = 32_768;

/** Whether the active backend runs the fused kernels at all (elsewhere, e.g. WebGPU, callers use tfjs ops). */
export function fusedKernelsActive(): boolean {
  return (HOST_MEMORY_BACKENDS as readonly string[]).includes(tf.getBackend());
}

/** Whether a fused kernel over `elements` values is faster than tfjs ops on the active backend. */
export function fusedKernelsPay(elements: number): boolean {
  const backend = tf.getBackend();
  return backend === 'cpu' || (backend === 'wasm' && elements <= WASM_FUSED_MAX_ELEMENTS);
}

/** Reads and allocates float32 tensors of one backend. */
export interface HostMemory {
  /** A view of a tensor's values. Views of the wasm heap go stale when it grows: take them after every `alloc`. */
  view(info: tf.TensorInfo): Float32Array;
  alloc(shape: number[]): tf.TensorInfo;
}

/** The backend surfaces used (cpu: `data`/`makeTensorInfo`; wasm: `typedArrayFromHeap`/`makeOutput`). */
interface CpuLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}
interface WasmLike {
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

/** The host memory of `backend`, registered as `backendName` (one of HOST_MEMORY_BACKENDS). */
export function hostMemory(backendName: string, backend: unknown): HostMemory {
  if (backendName === 'wasm') {
    const wasm = backend as WasmLike;
    return { view: (info) => wasm.typedArrayFromHeap(info), alloc: (shape) => wasm.makeOutput(shape, 'float32') };
  }
  const cpu = backend as CpuLike;
  return {
    view: (info) => {
      const values = cpu.data.get(info.dataId).values;
      if (!(values instanceof Float32Array)) throw new TypeError('fused kernels need float32 tensors');
      return values;
    },
    alloc: (shape) => cpu.makeTensorInfo(shape, 'float32', new Float32Array(tf.util.sizeFromShape(shape))),
  };
}

/** Throws unless every tensor is float32 (the fused kernels compute in float32 only). */
export function checkFloat32(infos: readonly tf.TensorInfo[], kernelName: string): void {
  for (const info of infos) if (info.dtype !== 'float32') throw new TypeError(`${kernelName} needs float32 tensors, got ${info.dtype}`);
}

/** Registers `kernelFunc(inputs, attrs, memory)` as `kernelName` on every host-memory backend. */
export function registerHostKernel(
  kernelName: string,
  kernelFunc: (inputs: Record<string, tf.TensorInfo>, attrs: Record<string, unknown>, memory: HostMemory) => tf.TensorInfo | tf.TensorInfo[],
): void {
  for (const backendName of HOST_MEMORY_BACKENDS) {
    tf.registerKernel({
      kernelName,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) =>
        kernelFunc(inputs as Record<string, tf.TensorInfo>, attrs as Record<string, unknown>, hostMemory(backendName, backend)),
    });
  }
}
