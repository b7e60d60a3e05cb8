import { CHROMIUM, launchChromium } from '@tracker/testing/chromium';
import { headOf } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../src/demo/load-demo';
import { LiveFeedOptions } from '../src/feed/live-feed';
import { startTestApp, type TestApp } from './test-app';

const SCREENSHOT = join(__dirname, 'artifacts', 'dashboard.png');
const installed = existsSync(CHROMIUM);
const ci = process.env.CI === 'true';
if (!installed && !ci) process.stderr.write(`dashboard browser test skipped: ${CHROMIUM} not found\n`);

/** Text of a data-table cell, e.g. `cell('#esc-table', 'data-offset="4"', 'aircraft')`. */
const cell = (page: Page, table: string, row: string, col: string) =>
  page.locator(`${table} tr[${row}] [data-col="${col}"]`).textContent();

/** The value the chart plotted for series `series` at the x value `x`. */
async function plotted(page: Page, chart: string, x: number, series: number): Promise<number | undefined> {
  const points = JSON.parse((await page.locator(chart).getAttribute('data-points')) ?? '[]') as number[][];
  const at = points[0]?.indexOf(x) ?? -1;
  return at < 0 ? undefined : points[series][at];
}

/** What a suite's tests drive: the API, its base URL, the Chromium page and the problems it reported. */
interface Dashboard {
  api: TestApp;
  base: string;
  browser: Browser;
  page: Page;
  problems: string[];
}

/**
 * Registers a suite's hooks: `start` gives the API, which listens on loopback for a Chromium page
 * that records every problem it reports except `expected` console errors; both close after the suite.
 */
function useDashboard(
  start: () => Promise<TestApp>,
  viewport: { width: number; height: number },
  expected = (_: string) => false,
): Dashboard {
  const d = { problems: [] as string[] } as Dashboard;
  beforeAll(async () => {
    if (!installed) throw new Error(`${CHROMIUM} is missing: CI installs it with apt-get install -y chromium`);
    d.api = await start();
    d.api.app.get(LiveFeedOptions).pollMs = 50;
    await d.api.app.listen(0, '127.0.0.1');
    d.base = `http://127.0.0.1:${(d.api.app.getHttpServer().address() as AddressInfo).port}`;
    d.browser = await launchChromium();
    d.page = await d.browser.newPage({ viewport });
    d.page.on('pageerror', (error) => d.problems.push(`page error: ${error.message}`));
    d.page.on('console', (m) => {
      if (m.type() === 'error' && !expected(m.text())) d.problems.push(`console: ${m.text()}`);
    });
    d.page.on('requestfailed', (r) => {
      // Leaving the live feed (as the as-of picker does) aborts its request: that is not a failure.
      if (!(r.url().includes('/v1/feed/live') && r.failure()?.errorText === 'net::ERR_ABORTED'))
        d.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
  }, 60_000);
  afterAll(async () => {
    await d.browser?.close();
    await d.api?.close();
  });
  return d;
}

(installed || ci ? describe : describe.skip)('dashboard in headless Chromium', () => {
  const d = useDashboard(
    async () => {
      const api = await startTestApp();
      await loadDemo(api.app);
      const head = await headOf(api.store);
      if (head) await api.app.get(ProjectionRunner).waitFor(head, 30_000);
      return api;
    },
    { width: 1440, height: 900 },
  );

  const ready = (section: string, query = '') =>
    d.page.waitForSelector(`#${section}[data-state="ready"]${query ? `[data-query*="${query}"]` : ''}`, {
      timeout: 10_000,
    });

  it('loads the page, its charts and the feed from our own origin only', async () => {
    const requests: string[] = [];
    d.page.on('request', (r) => requests.push(r.url()));
    const response = await d.page.goto(`${d.base}/`);
    expect(response?.status()).toBe(200);
    await Promise.all([ready('export-controls'), ready('escalation'), ready('feed')]);
    await d.page.waitForSelector('#live-status[data-live="on"]');
    expect(requests.every((url) => url.startsWith(d.base))).toBe(true);
    expect(await d.page.locator('canvas').count()).toBe(2);
    expect(await d.page.locator('#feed-list li[data-position]').count()).toBeGreaterThan(5);
    await expect(d.page.title()).resolves.toContain('Dashboard');
    expect(await d.page.locator('main, header, footer, nav, section[aria-labelledby]').count()).toBeGreaterThanOrEqual(
      5,
    );
  });

  it('charts export controls by country: 42 China listings announced on 2023-10-06', async () => {
    await d.page.selectOption('#ec-country', 'CN');
    await ready('export-controls', 'country=CN');
    expect(await cell(d.page, '#ec-table', 'data-date="2023-10-06"', 'announced')).toBe('42');
    expect(await cell(d.page, '#ec-table', 'data-date="2023-10-06"', 'announcedCumulative')).toBe('42');
    expect(await plotted(d.page, '#ec-chart', Date.parse('2023-10-06T00:00:00Z') / 1000, 2)).toBe(42);
    expect(await d.page.locator('#ec-summary').textContent()).toMatch(
      /^China, all lists: 2 listed by name and 56 announced/,
    );
  });

  it('charts the escalation window around the inauguration: 49 and 62 aircraft at +4 and +5', async () => {
    await d.page.selectOption('#esc-anchor', 'taiwan-inauguration-2024');
    // Typed and committed with the keyboard, as a person would.
    await d.page.fill('#esc-before', '7');
    await d.page.press('#esc-before', 'Tab');
    await d.page.fill('#esc-after', '7');
    await d.page.press('#esc-after', 'Tab');
    await ready('escalation', 'anchor=taiwan-inauguration-2024&before=7&after=7');
    expect(await d.page.locator('#esc-table tbody tr').count()).toBe(15);
    expect(await cell(d.page, '#esc-table', 'data-offset="4"', 'aircraft')).toBe('49');
    expect(await cell(d.page, '#esc-table', 'data-offset="5"', 'aircraft')).toBe('62');
    expect(await cell(d.page, '#esc-table', 'data-offset="4"', 'escalationIndex')).toBe('25.7');
    expect(await plotted(d.page, '#esc-chart', 4, 1)).toBe(49);
    expect(await plotted(d.page, '#esc-chart', 5, 1)).toBe(62);
    expect(await d.page.locator('#esc-chart').getAttribute('aria-label')).toContain('highest escalation index');
  });

  it('re-queries everything as of a past date, then returns to now', async () => {
    // The demo was recorded just now, so the tracker knew nothing at the end of 2020-01-01.
    await d.page.fill('#as-of', '2020-01-01');
    await Promise.all([
      ready('export-controls', 'asOf=2020-01-01'),
      ready('feed', 'asOf=2020-01-01'),
      d.page.waitForSelector('#escalation[data-state="error"]'),
    ]);
    expect(await d.page.locator('#ec-table tbody tr').count()).toBe(0);
    expect(await d.page.locator('#feed-list li[data-position]').count()).toBe(0);
    expect(await d.page.locator('#live-status').getAttribute('data-live')).toBe('paused');
    await d.page.click('#as-of-now');
    await ready('escalation', 'before=7&after=7');
    await d.page.waitForSelector('#live-status[data-live="on"]');
    expect(await cell(d.page, '#esc-table', 'data-offset="5"', 'aircraft')).toBe('62');
  });

  it('shows a statement posted over HTTP in the live list within seconds, then saves a screenshot', async () => {
    const body = statementBody({ speaker: 'Browser Test', text: 'Posted while the dashboard was open.' });
    const response = await fetch(`${d.base}/v1/statements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const item = d.page.locator(`#feed-list li[data-record-id="${id}"]`);
    await item.waitFor({ timeout: 5000 });
    expect(await d.page.locator('#feed-list li').first().getAttribute('data-record-id')).toBe(id);
    expect(await item.textContent()).toContain('Browser Test: Posted while the dashboard was open.');
    // The badge's label and tint come from the record-kind manifest the API serves, not from the page.
    const badge = item.locator('.kind');
    expect(await badge.textContent()).toBe('Statement');
    const hue = await d.page.evaluate(
      `getComputedStyle(document.querySelector('#feed-list li[data-record-id="${id}"] .kind')).getPropertyValue('--kind-hue')`,
    );
    expect(hue).toMatch(/^\d+$/);
    expect(await d.page.locator('#feed-announcer').textContent()).toContain('Browser Test');

    mkdirSync(join(__dirname, 'artifacts'), { recursive: true });
    await d.page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(d.problems).toEqual([]);
  });
});

(installed || ci ? describe : describe.skip)(
  'dashboard in headless Chromium, on a tracker that requires API keys',
  () => {
    const viewerKey = `viewer-${randomUUID()}`;
    const analystKey = `analyst-${randomUUID()}`;
    const d = useDashboard(
      () =>
        startTestApp(undefined, {
          API_KEYS: `wall:viewer:${hashApiKey(viewerKey)},desk:analyst:${hashApiKey(analystKey)}`,
        }),
      { width: 1280, height: 800 },
      // Chromium reports each refused request (401 before the key is given) as a console error; those are expected.
      (text) => text.includes('401'),
    );

    it('asks for a key, then loads and follows the live feed with it; the key stays out of URLs', async () => {
      const urls: string[] = [];
      d.page.on('request', (r) => urls.push(r.url()));
      await d.page.goto(`${d.base}/`);
      await d.page.waitForSelector('#key-form:not([hidden])');
      await d.page.waitForSelector('#feed[data-state="error"]');
      expect(await d.page.locator('#key-help').textContent()).toContain('needs an API key with read access');

      await d.page.fill('#api-key', viewerKey);
      await d.page.press('#api-key', 'Enter');
      await d.page.waitForSelector('#feed[data-state="ready"]', { timeout: 10_000 });
      await d.page.waitForSelector('#live-status[data-live="on"]', { timeout: 10_000 });
      expect(await d.page.locator('#key-form').isHidden()).toBe(true);

      const response = await fetch(`${d.base}/v1/statements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analystKey}` },
        body: JSON.stringify(
          statementBody({ speaker: 'Keyed Browser Test', text: 'Seen through an authenticated stream.' }),
        ),
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      await d.page.locator(`#feed-list li[data-record-id="${id}"]`).waitFor({ timeout: 5000 });

      expect(urls.some((url) => url.includes(viewerKey))).toBe(false);
      expect(await d.page.evaluate("sessionStorage.getItem('tracker.apiKey')")).toBe(viewerKey);
      expect(d.problems).toEqual([]);
    });
  },
);
