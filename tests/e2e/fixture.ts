// The browser tests' `test`: Vitest's `it` with a fresh Chromium tab on the app, launched before and closed after each test.
import { inject, it } from 'vitest';
import { PlaygroundPage } from './driver.ts';

/** `test('…', async ({ app }) => …)`: `app` is a new tab on the dev server's app (not opened yet: call `open()`). */
export const test = it.extend<{ app: PlaygroundPage }>({
  // Vitest reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await PlaygroundPage.launch(inject('baseUrl'));
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },
});
