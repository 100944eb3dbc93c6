// The page address's backend preference (`?backend=wasm|cpu|webgpu`), read once at start-up. Pure.
import type { BackendName } from '../worker/protocol.ts';

const NAMES: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

/**
 * The backend named by `?backend=` in a location's query string (case-insensitive), or `undefined` when absent or
 * not one of webgpu, wasm, cpu.
 * @param search a query string such as `window.location.search` ("?backend=wasm&x=1")
 */
export function backendFromSearch(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend')?.trim().toLowerCase();
  return NAMES.find((n) => n === value);
}
