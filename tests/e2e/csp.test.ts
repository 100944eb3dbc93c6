// Browser test of the built site's Content-Security-Policy: the production build carries the policy, and loading
// the sample and training a supernet under it raises no violation; off-policy content is refused and reported.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { PlaygroundPage } from './driver.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_TIMEOUT_MS = 300_000;

/** Violations the page saw (`securitypolicyviolation` events), recorded from before any script of the page runs. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
`;

describe('The built site under its Content-Security-Policy', () => {
  let outDir: string;
  let server: PreviewServer;
  let baseUrl: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'nasrec-build-'));
    // Vitest sets NODE_ENV=test, which would give a development build (import.meta.env.PROD false): build as `npm run build` does.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(repoRoot, 'vite.config.ts'), root: repoRoot, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    server = await preview({ configFile: path.join(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
    baseUrl = server.resolvedUrls?.local[0] ?? '';
    if (!baseUrl) throw new Error('vite preview reported no local URL');
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('carries the policy, loads the sample and trains on wasm with no violation, and refuses an inline script and a foreign image', async () => {
    const app = await PlaygroundPage.launch(baseUrl);
    try {
      const page = app.page;
      await page.addInitScript(RECORD_VIOLATIONS);
      await app.trainFrom('?backend=wasm&data.rows=3000', { steps: 30, batchSize: 32, fullPathWarmupSteps: 0, evalEvery: 15, evalRows: 64, seed: 2 });
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
      expect(await app.backendBadge()).toContain('WASM');
      expect(await app.waitForTrainingEnd()).toBe('finished');
      const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect(await violations()).toEqual([]);
      expect(app.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);

      // The check can fail: what the policy forbids is blocked and reported.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.append(script);
        const img = document.createElement('img');
        img.src = 'https://example.com/pixel.png';
        document.body.append(img);
      });
      await page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length >= 2);
      expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
      expect((await violations()).sort()).toEqual(['img-src https://example.com/pixel.png', 'script-src-elem inline']);
    } finally {
      await app.close();
    }
  }, TEST_TIMEOUT_MS);
});
