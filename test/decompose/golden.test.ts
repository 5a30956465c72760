/**
 * KWW, WWZ and Borin-Mancini (source) decompositions vs decompr 7.0.0 (../shared/data/golden) on the
 * leather example and WIOD 2013 (2011).
 *
 * Tolerance: |ours - R| <= 1e-8 * max(|R|, scale), scale = 1e-6 x the row's gross exports (texp /
 * GEXP; for KWW country rows the sum of the 9 terms). The floor keeps near-zero golden values (e.g.
 * GVCF = -1.2e-15 in R where the exact value is 0) from demanding agreement of rounding noise.
 * decompr's check columns texpdiff... are rounded to 4 decimals by decompr: compared to 1.01e-4 absolute.
 * Rows are matched by their labels; row order and counts must also match decompr's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { buildModel, type IoModel } from '../../src/mrio/model.js';
import { readText } from '../../src/node/files.js';
import { useBestBackend } from '../../src/node/backend.js';
import { decompose, type Level, type Method } from '../../src/decompose/index.js';
import { tidy } from '../../src/decompose/tidy.js';
import { readGolden } from '../golden.js';
import { HAS_SHARED, SHARED_DATA, shared } from '../shared-data.js';

const ROUNDED = new Set(['texpdiff', 'texpdiffpercent', 'texpfddiff', 'texpfddiffpercent', 'texpintdiff', 'texpintdiffpercent']);

interface Case {
  file: string;
  method: Method;
  level: Level;
  keys: number;
  scale: (row: Record<string, number>) => number;
}

const CASES: Case[] = [
  { file: 'kww', method: 'kww', level: 'country', keys: 1, scale: (r) => Object.values(r).reduce((a, b) => a + Math.abs(b), 0) },
  { file: 'wwz', method: 'wwz', level: 'bilateral', keys: 3, scale: (r) => Math.abs(r.texp) },
  { file: 'bm_country', method: 'bm', level: 'country', keys: 1, scale: (r) => Math.abs(r.GEXP) },
  { file: 'bm_bilateral', method: 'bm', level: 'bilateral', keys: 3, scale: (r) => Math.abs(r.GEXP) },
];

/** Largest relative error (by the tolerance above) of our tidy output against a golden file. */
function compare(m: IoModel, c: Case, path: string): { maxRel: number; where: string; rows: number } {
  const gold = readGolden(path);
  const ours = tidy(decompose(m, { method: c.method, level: c.level }));
  expect(ours.names).toEqual(gold.header);
  expect(ours.nrow).toBe(gold.rows.length);
  let maxRel = 0;
  let where = '';
  for (let i = 0; i < gold.rows.length; i++) {
    const g = gold.rows[i];
    for (let k = 0; k < c.keys; k++) expect((ours.columns[gold.header[k]] as string[])[i]).toBe(g[k]);
    const vals: Record<string, number> = {};
    for (let j = c.keys; j < g.length; j++) vals[gold.header[j]] = Number(g[j]);
    const scale = 1e-6 * c.scale(vals);
    for (let j = c.keys; j < g.length; j++) {
      const name = gold.header[j];
      const b = vals[name];
      const a = (ours.columns[name] as Float64Array)[i];
      const d = Math.abs(a - b);
      const rel = ROUNDED.has(name) ? d / 1.01e-4 * 1e-8 : d / Math.max(Math.abs(b), scale, Number.MIN_VALUE);
      if (!(rel <= maxRel)) {
        maxRel = rel;
        where = `${g.slice(0, c.keys).join('/')} ${name}: ours ${a}, R ${b}`;
      }
    }
  }
  return { maxRel, where, rows: gold.rows.length };
}

const TABLES = [
  { name: 'leather', path: () => shared('leather', 'leather.csv') },
  { name: 'wiod2011', path: () => shared('wiod2013', 'wiot_2011.csv.gz') },
];

for (const tbl of TABLES) {
  describe.skipIf(!HAS_SHARED)(`${tbl.name}: decompositions vs decompr 7.0.0 (skipped when ${SHARED_DATA} is absent)`, () => {
    let m: IoModel;
    beforeAll(async () => {
      await useBestBackend();
      m = buildModel(parseLabeledCsv(readText(tbl.path()), { source: tbl.name }));
    });
    for (const c of CASES) {
      it(`${c.method} ${c.level} matches ${tbl.name}_${c.file} to 1e-8`, () => {
        const r = compare(m, c, shared('golden', `${tbl.name}_${c.file}.csv.gz`));
        console.log(`[decompose golden] ${tbl.name}_${c.file}: ${r.rows} rows, max rel error ${r.maxRel.toExponential(2)} ${r.where}`);
        expect(r.maxRel, r.where).toBeLessThanOrEqual(1e-8);
      });
    }
    if (tbl.name === 'leather') {
      // no decompr golden file for the sink variant: decompr's own test anchors (tests/testthat/test_bm.R)
      it('bm sink: sums to the source country totals; DAVAX <= VAXIM <= VAX', () => {
        const src = decompose(m, { method: 'bm', level: 'country' });
        const sec = decompose(m, { method: 'bm', level: 'sector', approach: 'sink' });
        for (const t of ['DVA', 'FVA', 'VAX', 'REF']) {
          const sums = new Float64Array(m.G);
          for (let o = 0; o < sec.nrow; o++) sums[sec.keys[0].index[o]] += sec.columns[t][o];
          for (let s = 0; s < m.G; s++) expect(Math.abs(sums[s] - src.columns[t][s])).toBeLessThanOrEqual(1e-8 * Math.abs(src.columns[t][s]));
        }
        const bil = decompose(m, { method: 'bm', level: 'bilateral' });
        const bilk = decompose(m, { method: 'bm', level: 'bilateral', approach: 'sink' });
        for (let o = 0; o < bil.nrow; o++) {
          expect(bilk.columns.VAXIM[o] - bil.columns.DAVAX[o]).toBeGreaterThanOrEqual(-1e-9);
          expect(bilk.columns.VAX[o] - bilk.columns.VAXIM[o]).toBeGreaterThanOrEqual(-1e-9);
        }
      });
      it('leontief sector matches leather_leontief_exports to 1e-8', () => {
        const gold = readGolden(shared('golden', 'leather_leontief_exports.csv.gz'));
        const ours = tidy(decompose(m, { method: 'leontief', level: 'sector' }));
        expect(ours.names).toEqual(gold.header);
        const key = (r: string[]) => r.slice(0, 4).join('|');
        const mine = new Map<string, number>();
        for (let i = 0; i < ours.nrow; i++) mine.set(key(ours.names.slice(0, 4).map((n) => String(ours.columns[n][i]))), (ours.columns.FVAX as Float64Array)[i]);
        for (const g of gold.rows) {
          const a = mine.get(key(g));
          expect(a, key(g)).toBeDefined();
          expect(Math.abs(a! - Number(g[4]))).toBeLessThanOrEqual(1e-8 * Math.max(Math.abs(Number(g[4])), 1e-6));
        }
      });
    }
  });
}
