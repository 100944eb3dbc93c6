// Writes public/screenshot.png: the app at 1280×800 after the built-in sample loaded. Run: npx tsx tests/e2e/screenshot.ts [out.png]
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlaygroundPage } from './driver.ts';
import { startAppServer } from './globalSetup.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(process.argv[2] ?? path.join(repoRoot, 'public/screenshot.png'));
const fullPage = process.argv.includes('--full');

const { server, url } = await startAppServer();
const app = await PlaygroundPage.launch(url);
try {
  await app.open();
  await app.loadSample({ rows: 100_000, seed: 1 });
  await app.waitForStats();
  await app.backendBadge();
  await app.page.mouse.move(0, 0); // no hover styling in the picture
  mkdirSync(path.dirname(out), { recursive: true });
  await app.screenshot(out, fullPage);
  console.log(`wrote ${out}`);
  if (app.errors.length > 0) console.warn(`page errors:\n${app.errors.join('\n')}`);
} finally {
  await app.close();
  await server.close();
}
