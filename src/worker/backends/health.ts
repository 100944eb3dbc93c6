// The chosen backend's health: a lost WebGPU device, and the faults a browser test may inject (`?faults=1`).
import * as tf from '@tensorflow/tfjs';
import type { BackendName, FaultKind } from '../protocol.ts';

/** A backend that can no longer run the job (a lost device, a failing kernel): the job moves to the next backend. */
export class BackendFailure extends Error {
  constructor(
    readonly backend: BackendName,
    reason: string,
  ) {
    super(reason);
    this.name = 'BackendFailure';
  }
}

interface GpuDeviceLike {
  lost?: Promise<{ reason?: string; message?: string }>;
  destroy?: () => void;
}

function webGpuDevice(): GpuDeviceLike | undefined {
  try {
    return (tf.findBackend('webgpu') as unknown as { device?: GpuDeviceLike } | null)?.device;
  } catch {
    return undefined;
  }
}

/** Tracks what went wrong with the backend in use; jobs call `check()` between steps. */
export class BackendHealth {
  private lost: string | undefined;
  private injectedError = false;
  private readonly listeners = new Set<(reason: string) => void>();

  /** @param faultsAllowed honour `inject` (the page address asked for test hooks) */
  constructor(private readonly faultsAllowed: boolean) {}

  /** Listens for the WebGPU device's loss (call once WebGPU is chosen). */
  watchWebGpu(): void {
    const device = webGpuDevice();
    void device?.lost?.then((info) => {
      this.lost = `the WebGPU device was lost (${info.reason ?? 'unknown reason'}${info.message ? `: ${info.message}` : ''})`;
      for (const l of this.listeners) l(this.lost);
    });
  }

  /** Calls `listener` when the device is lost. */
  onLost(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Why the device was lost, if it was. */
  get lostReason(): string | undefined {
    return this.lost;
  }

  /** Forgets a loss once the job has moved to another backend. */
  reset(): void {
    this.lost = undefined;
    this.injectedError = false;
  }

  /** @throws BackendFailure when the device was lost or a backend error was injected */
  check(backend: BackendName): void {
    // A loss reported late, after the run left WebGPU, concerns a device no longer in use.
    if (this.lost && backend === 'webgpu') throw new BackendFailure(backend, this.lost);
    if (this.injectedError) {
      this.injectedError = false;
      throw new BackendFailure(backend, `the ${backend} backend failed a training step (an error injected by a test)`);
    }
  }

  /**
   * Causes a fault on purpose (tests only). `crash` throws outside any handler, as a bug in the worker would.
   * @returns why nothing was done, or undefined
   */
  inject(fault: FaultKind): string | undefined {
    if (!this.faultsAllowed) return 'fault injection is off (the page address has no ?faults=1)';
    if (fault === 'backendError') this.injectedError = true;
    else if (fault === 'crash')
      setTimeout(() => {
        throw new Error('the worker crashed (an error injected by a test)');
      });
    else {
      const device = webGpuDevice();
      if (!device?.destroy) return 'there is no WebGPU device to lose';
      device.destroy();
    }
    return undefined;
  }
}

/** Whether the worker's name (client.ts) asks for test hooks. */
export function faultsAllowed(workerName: string): boolean {
  return /(?:^|\s)faults(?:\s|$)/.test(workerName);
}
