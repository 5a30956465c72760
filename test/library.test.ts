/**
 * The library entry points: `gvc` (Node) exposes the core plus readers, backend and runner; `gvc/core` bundles
 * for the browser (esbuild, platform browser: it fails on any Node built-in) and runs there the same way.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import * as gvc from '../src/index.js';
import { REPO_ROOT } from './shared-data.js';

describe('library entry points', () => {
  it('gvc: a table from the demo world through the Leontief model and KWW, with the Node helpers present', async () => {
    await gvc.useBestBackend();
    const m = gvc.buildModel(gvc.demoWorld({ countries: 3, sectors: 2, seed: 5 }));
    const r = gvc.decompose(m, { method: 'kww', level: 'country' });
    // KWW terms add up to gross exports of each country (an accounting identity)
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (const t of r.terms) sum += (r.columns[t] as Float64Array)[c];
      let e = 0;
      for (let s = 0; s < 2; s++) e += m.e[c * 2 + s];
      expect(sum).toBeCloseTo(e, 9);
    }
    for (const f of ['readTable', 'readSeries', 'readPanel', 'writeTableFile', 'runStudy', 'feols', 'leontiefExports'] as const) {
      expect(typeof (gvc as Record<string, unknown>)[f]).toBe('function');
    }
  });

  it('gvc/core bundles for the browser without Node built-ins', async () => {
    const out = await build({
      entryPoints: [join(REPO_ROOT, 'src', 'core.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(out.errors).toEqual([]);
    const code = out.outputFiles[0].text;
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/from\s*["']node:/);
  });
});
