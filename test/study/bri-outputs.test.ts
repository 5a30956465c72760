/**
 * bri-symbiosis end to end through the runner (reduced window 2010-2011): two runs write byte-identical
 * panel, tables, estimates and figures; the panel has the spec's columns in order; report.html renders in
 * headless Chromium without console errors, every figure with a non-zero size (screenshot saved to
 * test-artifacts/report.png). The browser test is skipped with a message when /usr/bin/chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { useBestBackend } from '../../src/node/backend.js';
import { parseYears, runStudy } from '../../src/study/runner.js';
import { PANEL_COLUMNS } from '../../src/study/bri-symbiosis/columns.js';
import { REPO_ROOT } from '../shared-data.js';
import { CHROMIUM, HAS_CHROMIUM, inspectPage } from '../browser.js';

let dir: string;
let outA: string;
let outB: string;

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  await useBestBackend();
  dir = mkdtempSync(join(tmpdir(), 'gvc-bri-'));
  outA = join(dir, 'a');
  outB = join(dir, 'b');
  const opts = { years: '2010-2011', progress: () => {} };
  await runStudy('bri-symbiosis', { ...opts, out: outA });
  await runStudy('bri-symbiosis', { ...opts, out: outB });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('runner outputs', () => {
  it('parses --years', () => {
    expect(parseYears('1996-2011')).toEqual([1996, 2011]);
    expect(parseYears('2005')).toEqual([2005, 2005]);
    expect(() => parseYears('96-11')).toThrow(/--years/);
  });

  it('writes panel, estimates, tables in four formats, figures and the report', () => {
    const files = listFiles(outA);
    expect(files).toContain('symbiosis_panel.csv');
    expect(files).toContain('report.html');
    for (const t of ['table1_baseline', 'tableA1_lagged', 'tableA2_robustness', 'table2_iv', 'table3_development', 'table4_technology', 'table5_period', 'table6_rvc', 'table7_inc', 'tableD1_descriptives', 'tableD2_vif']) {
      for (const ext of ['md', 'tex', 'html', 'csv']) expect(files).toContain(`tables/symbiosis_${t}.${ext}`);
    }
    for (const f of ['fig2_regions', 'fig3_sectors']) {
      expect(files).toContain(`figures/symbiosis_${f}.csv`);
      for (const p of ['RH', 'HD', 'XT']) expect(files).toContain(`figures/symbiosis_${f}_${p}.svg`);
      // spec 7 names the figure itself: all three panels side by side in figures/<id>.svg (and .png)
      expect(files).toContain(`figures/symbiosis_${f}.svg`);
      expect(files.includes(`figures/symbiosis_${f}.png`)).toBe(files.includes(`figures/symbiosis_${f}_RH.png`));
      const svg = readFileSync(join(outA, `figures/symbiosis_${f}.svg`), 'utf8');
      expect(svg.match(/<svg\b/g)!.length).toBe(4);
      const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
    }
    expect(files.filter((f) => f.startsWith('estimates/')).length).toBeGreaterThan(30);
  });

  it('two runs produce byte-identical outputs (report.html aside)', () => {
    const a = listFiles(outA).filter((f) => f !== 'report.html');
    expect(listFiles(outB).filter((f) => f !== 'report.html')).toEqual(a);
    for (const f of a) expect(readFileSync(join(outB, f)).equals(readFileSync(join(outA, f))), f).toBe(true);
  });

  it('panel columns are those of spec 7, in order; undefined values are empty, not 0', () => {
    const lines = readFileSync(join(outA, 'symbiosis_panel.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0].split(',')).toEqual([...PANEL_COLUMNS]);
    const h = lines[0].split(',');
    const rowsBefore = lines.slice(1).map((l) => l.split(',')).filter((r) => r[h.indexOf('year')] === '2009');
    expect(rowsBefore.length).toBe(21 * 8);
    for (const r of rowsBefore) {
      expect(r[h.indexOf('XT')]).toBe('');
      expect(r[h.indexOf('drop_reason')]).toBe('year:outside_window');
      expect(r[h.indexOf('POL')]).toBe('');
    }
    const tidy = readFileSync(join(outA, 'tables/symbiosis_table1_baseline.csv'), 'utf8').split('\n')[0];
    expect(tidy).toBe('table,column,term,estimate,se,t,p,n,r2');
  });
});

describe('Parquet panel', () => {
  it('has the CSV columns and rows, with null (not 0) for undefined values', async () => {
    const path = join(outA, 'symbiosis_panel.parquet');
    expect(existsSync(path)).toBe(true);
    const { parquetReadObjects } = await import('hyparquet');
    const buf = readFileSync(path);
    const rows = (await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) })) as Record<string, unknown>[];
    expect(rows.length).toBe(3 * 21 * 8);
    expect(Object.keys(rows[0])).toEqual([...PANEL_COLUMNS]);
    const first = rows.find((r) => r.year === 2009)!;
    expect(first.XT).toBeNull();
    expect(first.POL).toBeNull();
    expect(typeof first.ITR).toBe('number');
  });
});

describe.skipIf(!HAS_CHROMIUM)('report.html in headless Chromium', () => {
  it('renders without console errors and with every figure drawn', async () => {
    const page = await inspectPage(join(outA, 'report.html'), {
      figures: '.figure svg, .figure img',
      count: 'table.paper',
      screenshot: join(REPO_ROOT, 'test-artifacts/report.png'),
    });
    expect(page.sizes.length).toBe(6);
    for (const [w, h] of page.sizes) {
      expect(w).toBeGreaterThan(0);
      expect(h).toBeGreaterThan(0);
    }
    expect(page.counted).toBeGreaterThanOrEqual(11);
    expect(page.errors).toEqual([]);
  });
});

if (!HAS_CHROMIUM) {
  // eslint-disable-next-line no-console
  console.warn(`[gvc tests] ${CHROMIUM} is absent: the report.html browser test is skipped (apt-get install -y chromium).`);
}
