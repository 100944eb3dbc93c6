// Vite: the React app, the module worker, and cross-origin isolation (wasm threads) for dev and preview.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The built site's Content-Security-Policy: only this origin's scripts, workers and wasm (tfjs compiles its wasm
 * backend: 'wasm-unsafe-eval'; its threaded build starts workers from blob: URLs), inline styles (React and D3 set
 * style attributes), images from exports (data:, blob:), and data fetched from this origin or an http(s) URL the
 * user types. No plugins, frames, form posts or base changes. The dev server goes without (Vite injects inline code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Adds the policy to the built index.html as a meta tag (static hosts need no header configuration). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'nasrec-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/** COOP + COEP make `crossOriginIsolated` true, which gives tfjs's wasm backend its threads. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
          // Set-up that trains a small supernet takes seconds, more while the two learning tests share the cores.
          hookTimeout: 60_000,
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
