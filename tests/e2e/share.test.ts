// Browser test of share links: a link restores its settings without starting work, bad parameters show a notice, "Copy link" reproduces the configuration.
import { describe, expect, inject } from 'vitest';
import { PlaygroundPage } from './driver.ts';
import { test } from './fixture.ts';

const TEST_TIMEOUT_MS = 180_000;

describe('Share links', () => {

  test('opens a link with its settings, reports the bad parameters, starts nothing heavy, and copies a link that reproduces the edits', async ({ app }) => {
    await app.openLink('?data.rows=3000&data.seed=5&space.preset=small&train.steps=300&seed=42&search.generations=3&rank.k=5&bogus=1&train.batch=zero');
    const notices = app.page.getByTestId('link-notices');
    await notices.waitFor();
    const text = await notices.innerText();
    expect(text).toContain('unknown setting \u201cbogus\u201d');
    expect(text).toMatch(/train\.batch=zero.*whole number/);

    // The built-in sample loads with the link's rows and seed (the page's usual opening), and nothing else starts.
    await app.waitForStats();
    expect(await app.rowCount()).toBe(3_000);
    expect(await app.inputValue('sample-seed')).toBe('5');
    expect(await app.inputValue('space-blocks')).toBe('7');
    expect(await app.inputValue('train-steps')).toBe('300');
    expect(await app.inputValue('train-seed-input')).toBe('42');
    expect(await app.inputValue('train-batch')).toBe('256');
    expect(await app.inputValue('search-generations')).toBe('3');
    expect(await app.inputValue('rank-k')).toBe('5');
    expect(await app.page.getByTestId('training-panel').getAttribute('data-status')).toBe('idle');
    expect(await app.page.getByTestId('search-panel').getAttribute('data-status')).toBe('idle');

    // The address bar follows edits; "Copy link" gives the same link, which a fresh tab opens with every setting.
    await app.setTrainSettings({ lr: 0.07 });
    await app.page.getByTestId('link-notices-dismiss').click();
    const link = await app.copyLink();
    expect(link).toContain('train.lr=0.07');
    expect(link).not.toContain('bogus');
    expect(app.page.url()).toBe(link);

    const other = await PlaygroundPage.launch(inject('baseUrl'));
    try {
      await other.openLink(new URL(link).search);
      await other.waitForStats();
      expect(await other.page.getByTestId('link-notices').count()).toBe(0);
      expect(await other.rowCount()).toBe(3_000);
      for (const [id, value] of [['sample-seed', '5'], ['space-blocks', '7'], ['train-steps', '300'], ['train-lr', '0.07'], ['train-seed-input', '42'], ['search-generations', '3'], ['rank-k', '5']]) {
        expect(await other.inputValue(id!), id).toBe(value);
      }
      expect(await other.page.getByTestId('training-panel').getAttribute('data-status')).toBe('idle');
    } finally {
      await other.close();
    }
    expect(app.errors).toEqual([]);
  }, TEST_TIMEOUT_MS);

  test('puts a link\u2019s data URL in the URL field and fetches it only when the user presses Load', async ({ app }) => {
    const base = inject('baseUrl');
    const dataUrl = new URL('sample-criteo-2k.tsv', base).href;
    await app.openLink(`?data.url=${encodeURIComponent(dataUrl)}`);
    await app.page.getByTestId('link-url-notice').waitFor();
    expect(await app.inputValue('url-input')).toBe(dataUrl);
    expect(await app.dataPanel.getAttribute('data-status')).toBe('idle');
    await app.page.getByTestId('load-url').click();
    await app.waitForStats();
    expect(await app.rowCount()).toBe(2_000);
    expect(app.page.url()).toContain(`data.url=${encodeURIComponent(dataUrl)}`);
  }, TEST_TIMEOUT_MS);
});
