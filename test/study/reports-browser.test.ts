/**
 * Every study's report.html opens in headless Chromium without console errors, with every figure drawn
 * (non-zero size) and every figure file of the run embedded. Screenshots go to test-artifacts/report-<study>.png.
 * Reduced settings keep this quick; bri-symbiosis has its own browser test (bri-outputs.test.ts).
 * Skipped with a message when /usr/bin/chromium is absent.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStudy } from '../../src/study/runner.js';
import { runAsean } from '../../src/study/asean-similarity/run.js';
import { cityTransferMain } from '../../src/study/city-transfer/cli.js';
import { useBestBackend } from '../../src/node/backend.js';
import { REPO_ROOT } from '../shared-data.js';
import { HAS_CHROMIUM, inspectPage } from '../browser.js';

const quiet = () => undefined;

/** Figure SVG files of a run, not counting a combined `<id>.svg` written beside its panels `<id>_<panel>.svg`. */
function svgFiles(dir: string): number {
  const stems: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.svg')) stems.push(e.name.slice(0, -4));
    }
  };
  walk(dir);
  return stems.filter((s) => !stems.some((o) => o !== s && o.startsWith(`${s}_`))).length;
}

describe.skipIf(!HAS_CHROMIUM)('study reports in headless Chromium', () => {
  const root = mkdtempSync(join(tmpdir(), 'gvc-reports-'));
  const dirs: Record<string, string> = {};

  beforeAll(async () => {
    await useBestBackend();
    dirs['asean-similarity'] = join(root, 'asean');
    await runAsean({ synthetic: true, seed: 42, noise: 0.01, out: dirs['asean-similarity'], png: false });
    dirs['city-transfer'] = join(root, 'city');
    const err = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await cityTransferMain(['--synthetic', 'tiny', '--seed', '3', '--no-png', '--out', dirs['city-transfer']])).toBe(0);
    } finally {
      process.stderr.write = err;
    }
    dirs['bri-upgrading'] = join(root, 'upgrading');
    await runStudy('bri-upgrading', { out: dirs['bri-upgrading'], years: '2009-2011', png: false, progress: quiet });
    dirs.deglobalization = join(root, 'deglob');
    await runStudy('deglobalization', { out: dirs.deglobalization, years: '2006-2011', options: { bootstrap: '20' }, png: false, progress: quiet });
  }, 600_000);

  for (const name of ['asean-similarity', 'city-transfer', 'bri-upgrading', 'deglobalization']) {
    it(`${name}: no console errors, every figure drawn`, async () => {
      const page = await inspectPage(join(dirs[name], 'report.html'), {
        figures: 'body svg, body img',
        screenshot: join(REPO_ROOT, 'test-artifacts', `report-${name}.png`),
      });
      const figureFiles = svgFiles(dirs[name]);
      expect(figureFiles).toBeGreaterThan(0);
      expect(page.sizes.length).toBeGreaterThanOrEqual(figureFiles);
      for (const [w, h] of page.sizes) {
        expect(w).toBeGreaterThan(0);
        expect(h).toBeGreaterThan(0);
      }
      expect(page.errors).toEqual([]);
    });
  }
});
