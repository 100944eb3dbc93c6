// Browser-test global setup: starts the app's Vite dev server on a free port and provides its URL.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Root URL of the dev server serving the app, e.g. `http://127.0.0.1:41234/`. */
    baseUrl: string;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts the dev server and returns its root URL; `close()` it when done. Also used by the screenshot script. */
export async function startAppServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    logLevel: 'warn',
    clearScreen: false,
    // The worker's dependencies (tfjs) are not reachable from index.html's import graph; listing the worker
    // as an entry lets Vite pre-bundle them at start instead of reloading the page mid-test.
    optimizeDeps: { entries: ['index.html', 'src/**/*.worker.ts'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('Vite dev server started but reported no local URL');
  }
  return { server, url };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { server, url } = await startAppServer();
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
