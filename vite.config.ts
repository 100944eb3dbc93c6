// Vite: the React app, the module worker, and cross-origin isolation (wasm threads) for dev and preview.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** COOP + COEP make `crossOriginIsolated` true, which gives tfjs's wasm backend its threads. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Pre-bundle the worker's dependencies (tfjs) at start-up instead of reloading the page when it first asks.
  optimizeDeps: { entries: ['index.html', 'src/**/*.worker.ts'] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  test: {
    // Both cores: the two long learning tests (Tiny + search, Small; README "Does the supernet learn?") then
    // run side by side. Vitest's default on a 2-core machine is one worker, which runs every file in turn.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
