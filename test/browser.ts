/**
 * Headless Chromium (Debian's /usr/bin/chromium via playwright-core) for report tests: open a file, collect
 * console errors, measure the drawn figures, save a screenshot. Tests skip when Chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export interface PageCheck {
  errors: string[];
  /** [width, height] of every figure element matched by the selector. */
  sizes: Array<[number, number]>;
  /** Number of elements matched by `count` (if given). */
  counted: number;
}

export async function inspectPage(file: string, opts: { figures: string; count?: string; screenshot?: string }): Promise<PageCheck> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'gvc-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const sizes = await page.$$eval(opts.figures, (els) =>
      els.filter((e) => !e.parentElement?.closest('svg')).map((e) => {
        const r = e.getBoundingClientRect();
        return [r.width, r.height] as [number, number];
      }),
    );
    const counted = opts.count ? await page.$$eval(opts.count, (t) => t.length) : 0;
    if (opts.screenshot) {
      mkdirSync(dirname(opts.screenshot), { recursive: true });
      await page.screenshot({ path: opts.screenshot, fullPage: false });
    }
    return { errors, sizes, counted };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
