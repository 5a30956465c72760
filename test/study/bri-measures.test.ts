/**
 * bri-symbiosis, spec section 8 checks on the matrices and value-added flows (WIOD 2011, native and
 * aggregated sectors): B >= 0, column sums of vB = 1, no NaN; sum_i ABS(a,i,b) = v_a . XF_b[a] for every
 * attribution; VAX against the KWW and WWZ golden files (decompr); F_a form of VAX = sum of ABS over b;
 * IV and FV against WWZ; RCA and world-share identities; ITR symmetric in c and r.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readText } from '../../src/node/files.js';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { aggregate } from '../../src/mrio/aggregate.js';
import { buildModel, type IoModel } from '../../src/mrio/model.js';
import { useBestBackend } from '../../src/node/backend.js';
import { foreignVa, indirectVa, wwzPieces } from '../../src/study/bri-symbiosis/flows.js';
import { defaultConfig, sectorMapping } from '../../src/study/bri-symbiosis/config.js';
import { returnedDva, revealedComparativeAdvantage, yearMeasures } from '../../src/study/bri-symbiosis/measures.js';
import { absorption, foreignFinalOutput, symbiosisContext, valueAddedExports } from '../../src/indicators/symbiosis.js';
import { HAS_SHARED, REPO_ROOT, shared } from '../shared-data.js';
import { readGolden } from '../golden.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1);

let native: IoModel;
let agg: IoModel;

beforeAll(async () => {
  await useBestBackend();
  const t = parseLabeledCsv(readText(join(REPO_ROOT, 'data/wiod2013/wiot_2011.csv.gz')), { source: 'wiot_2011', year: 2011 });
  native = buildModel(t);
  agg = buildModel(aggregate(t, { sectors: sectorMapping(t.sectors, 'aggregated')! }));
});

describe('matrices (spec 8)', () => {
  it('B >= 0, column sums of vB equal 1 where x > 0, no NaN', () => {
    for (const m of [native, agg]) {
      expect(m.B.data.every((q) => q >= 0 && Number.isFinite(q))).toBe(true);
      const p = wwzPieces(m);
      for (let j = 0; j < m.GN; j++) if (m.x[j] > 0) expect(Math.abs(p.vB[j] - 1)).toBeLessThan(1e-9);
      expect(m.v.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('ABS and VAX (spec 3.1, 3.2, 8)', () => {
  it('sum_i ABS(a,i,b) = v_a . XF_b[a] for every attribution option', () => {
    const m = agg;
    const ctx = symbiosisContext(m);
    const chn = m.table.countries.indexOf('CHN');
    for (const b of [m.table.countries.indexOf('KOR'), m.table.countries.indexOf('ROM'), m.table.countries.indexOf('USA')]) {
      for (const [a, d] of [[chn, b], [b, chn]]) {
        let rhs = 0;
        for (let i = 0; i < m.N; i++) rhs += m.v[a * m.N + i] * ctx.XF.data[(a * m.N + i) * m.G + d];
        for (const att of ['wwz', 'local', 'origin'] as const) {
          const lhs = absorption(ctx, a, d, att).reduce((s, q) => s + q, 0);
          expect(rel(lhs, rhs)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('VAX (F_a form) equals the sum of ABS over all importers, every exporter, to 1e-8', () => {
    const m = native;
    const ctx = symbiosisContext(m);
    for (let a = 0; a < m.G; a++) {
      const vax = valueAddedExports(ctx, a, 'wwz');
      const sum = new Float64Array(m.N);
      for (let b = 0; b < m.G; b++) if (b !== a) absorption(ctx, a, b).forEach((q, i) => (sum[i] += q));
      for (let i = 0; i < m.N; i++) expect(rel(vax[i], sum[i])).toBeLessThan(1e-8);
    }
  });

  it.skipIf(!HAS_SHARED)('VAX, IV and FV by sector equal the decompr WWZ sector sums (native WIOD 2011)', () => {
    const m = native;
    const g = readGolden(shared('golden/wiod2011_wwz.csv.gz'));
    const h = g.header;
    const col = (n: string) => h.indexOf(n);
    const sums = new Map<string, [number, number, number, number]>();
    for (const r of g.rows) {
      const val = (n: string) => Number(r[col(n)]);
      const k = `${r[0]}.${r[1]}`;
      const s = sums.get(k) ?? [0, 0, 0, 0];
      const iv = val('DVA_INTrexI1') + val('DVA_INTrexF') + val('DVA_INTrexI2');
      s[0] += val('DVA_FIN') + val('DVA_INT') + iv;
      s[1] += iv;
      s[2] += ['MVA_FIN', 'OVA_FIN', 'MVA_INT', 'OVA_INT', 'MDC', 'ODC'].reduce((q, n) => q + val(n), 0);
      s[3] += val('texp');
      sums.set(k, s);
    }
    const ctx = symbiosisContext(m);
    const p = wwzPieces(m);
    for (let a = 0; a < m.G; a++) {
      const Fa = foreignFinalOutput(m, a);
      const vax = valueAddedExports(ctx, a, 'wwz', Fa);
      const iv = indirectVa(ctx, p, a, Fa);
      const fv = foreignVa(ctx, p, a);
      for (let i = 0; i < m.N; i++) {
        const gs = sums.get(`${m.table.countries[a]}.${m.table.sectors[i]}`)!;
        expect(rel(vax[i], gs[0])).toBeLessThan(1e-8);
        expect(rel(iv[i], gs[1])).toBeLessThan(1e-8);
        expect(rel(fv[i], gs[2])).toBeLessThan(1e-8);
        const E = m.e[a * m.N + i];
        if (E > 0) {
          expect(iv[i] / E).toBeGreaterThanOrEqual(0);
          expect(iv[i] / E).toBeLessThanOrEqual(1);
          expect(fv[i] / E).toBeGreaterThanOrEqual(0);
          expect(fv[i] / E).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it.skipIf(!HAS_SHARED)('sum_i VAX[a,i] = KWW DVA_FIN + DVA_INT + DVA_INTrex of every country (native WIOD 2011)', () => {
    const m = native;
    const g = readGolden(shared('golden/wiod2011_kww.csv.gz'));
    const col = (n: string) => g.header.indexOf(n);
    const ctx = symbiosisContext(m);
    for (const r of g.rows) {
      const a = m.table.countries.indexOf(r[0]);
      const want = Number(r[col('DVA_FIN')]) + Number(r[col('DVA_INT')]) + Number(r[col('DVA_INTrex')]);
      const got = valueAddedExports(ctx, a, 'wwz').reduce((s, q) => s + q, 0);
      expect(rel(got, want)).toBeLessThan(1e-8);
    }
  });

  it('the study cells are the shared indicator functions (src/indicators/symbiosis.ts)', () => {
    const m = agg;
    const cfg = defaultConfig();
    const y = yearMeasures(m, cfg, 2011);
    const ctx = symbiosisContext(m);
    const c = m.table.countries.indexOf(cfg.home);
    const p = cfg.partners.indexOf('POL');
    const r = m.table.countries.indexOf('POL');
    const S = cfg.sectors.length;
    const abs = absorption(ctx, c, r);
    const vax = valueAddedExports(ctx, r);
    for (const [s, code] of cfg.sectors.entries()) {
      const i = m.table.sectors.indexOf(code);
      expect(y.cells[p * S + s].ITR_c_to_r).toBe(abs[i]);
      expect(y.cells[p * S + s].VAX_r).toBe(vax[i]);
    }
  });
});

describe('option vax=dva (spec 3.2)', () => {
  it.skipIf(!HAS_SHARED)('returned DVA by sector = WWZ RDV_FIN + RDV_FIN2 + RDV_INT over importers; country sums = KWW RDV_FIN + RDV_INT', () => {
    const m = native;
    const rdv = returnedDva(m);
    const w = readGolden(shared('golden/wiod2011_wwz.csv.gz'));
    const wc = (n: string) => w.header.indexOf(n);
    const bySector = new Map<string, number>();
    for (const r of w.rows) {
      const k = `${r[0]}.${r[1]}`;
      bySector.set(k, (bySector.get(k) ?? 0) + Number(r[wc('RDV_FIN')]) + Number(r[wc('RDV_FIN2')]) + Number(r[wc('RDV_INT')]));
    }
    let positive = 0;
    for (let a = 0; a < m.G; a++) {
      for (let i = 0; i < m.N; i++) {
        const want = bySector.get(`${m.table.countries[a]}.${m.table.sectors[i]}`)!;
        expect(rel(rdv[a * m.N + i], want)).toBeLessThan(1e-8);
        if (want > 0) positive++;
      }
    }
    expect(positive).toBeGreaterThan(0);
    const k = readGolden(shared('golden/wiod2011_kww.csv.gz'));
    const kc = (n: string) => k.header.indexOf(n);
    for (const r of k.rows) {
      const a = m.table.countries.indexOf(r[0]);
      let got = 0;
      for (let i = 0; i < m.N; i++) got += rdv[a * m.N + i];
      expect(rel(got, Number(r[kc('RDV_FIN')]) + Number(r[kc('RDV_INT')]))).toBeLessThan(1e-8);
    }
  });

  it('VAX_c and VAX_r of the panel cells add the returned DVA under vax=dva', () => {
    const base = defaultConfig();
    const a = yearMeasures(agg, base, 2011);
    const b = yearMeasures(agg, { ...base, vax: 'dva' }, 2011);
    const rdv = returnedDva(agg);
    const c = agg.table.countries.indexOf('CHN');
    const S = base.sectors.length;
    base.partners.forEach((p, pi) => {
      const r = agg.table.countries.indexOf(p);
      base.sectors.forEach((sec, si) => {
        const i = agg.table.sectors.indexOf(sec);
        const x = a.cells[pi * S + si];
        const y = b.cells[pi * S + si];
        expect(rel(y.VAX_c, x.VAX_c + rdv[c * agg.N + i])).toBeLessThan(1e-12);
        expect(rel(y.VAX_r, x.VAX_r + rdv[r * agg.N + i])).toBeLessThan(1e-12);
        expect(y.ITR).toBe(x.ITR);
      });
    });
    expect(rdv[c * agg.N + agg.table.sectors.indexOf('C9')]).toBeGreaterThan(0);
  });
});

describe('pair indices (spec 3.2-3.4, 8)', () => {
  it('ITR is symmetric in c and r; shares lie in [0,1]; RVC between the thetas', () => {
    const cfg = defaultConfig();
    const y = yearMeasures(agg, cfg, 2011);
    const swapped = yearMeasures(agg, { ...cfg, home: 'KOR', partners: ['CHN'] }, 2011);
    const kor = cfg.partners.indexOf('KOR');
    const S = cfg.sectors.length;
    for (let s = 0; s < S; s++) {
      const a = y.cells[kor * S + s];
      const b = swapped.cells[s];
      expect(rel(a.ITR, b.ITR)).toBeLessThan(1e-12);
      expect(rel(a.ITR_c_to_r, b.ITR_r_to_c)).toBeLessThan(1e-12);
      expect(rel(a.HD, b.HD)).toBeLessThan(1e-12);
      expect(rel(a.RH, b.RH)).toBeLessThan(1e-12);
    }
    for (const cell of y.cells) {
      for (const k of ['IIR_cr', 'IDR_rc', 'IIR_rc', 'IDR_cr', 'RH', 'theta_cr', 'theta_rc', 'HD', 'INC'] as const) {
        if (Number.isFinite(cell[k])) {
          expect(cell[k]).toBeGreaterThanOrEqual(0);
          expect(cell[k]).toBeLessThanOrEqual(1);
        }
      }
      if (cell.E_c > 0 && cell.E_r > 0) {
        expect(cell.RVC).toBeGreaterThanOrEqual(Math.min(cell.theta_cr, cell.theta_rc) - 1e-15);
        expect(cell.RVC).toBeLessThanOrEqual(Math.max(cell.theta_cr, cell.theta_rc) + 1e-15);
      }
    }
    expect(y.checks.absIdentity).toBeLessThan(1e-10);
    expect(y.checks.negativeB).toBe(0);
  });

  it('world VA shares of a sector sum to 1; export-share-weighted RCA sums to 1 (sectors without negative exports)', () => {
    const m = agg;
    const { G, N } = m;
    const rca = revealedComparativeAdvantage(m.e, G, N);
    const tot = m.e.reduce((s, q) => s + q, 0);
    for (let i = 0; i < N; i++) {
      let vaw = 0;
      for (let s = 0; s < G; s++) vaw += m.table.va[s * N + i];
      let share = 0, weighted = 0;
      for (let s = 0; s < G; s++) {
        share += m.table.va[s * N + i] / vaw;
        let es = 0;
        for (let k = 0; k < N; k++) es += m.e[s * N + k];
        if (Number.isFinite(rca[s * N + i])) weighted += (es / tot) * rca[s * N + i];
      }
      expect(Math.abs(share - 1)).toBeLessThan(1e-12);
      // RCA is undefined where E <= 0; negative exports (inventory changes) make the identity approximate
      let negative = false;
      for (let s = 0; s < G; s++) if (m.e[s * N + i] < 0) negative = true;
      if (!negative) expect(Math.abs(weighted - 1)).toBeLessThan(1e-12);
    }
  });
});
