/**
 * Indicators on the WIOD 2013 release against decompr goldens and the specs' indicative values
 * (bri-upgrading 5, deglobalization 4, bri-symbiosis 8). Skipped when ../shared/data is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { buildModel, type IoModel } from '../../src/mrio/model.js';
import { readText } from '../../src/node/files.js';
import { useBestBackend } from '../../src/node/backend.js';
import { bmShares, gvcpKpww, kpwwIndices, kwwIvFv, sectorIvFv, vs1Participation, type KwwTerms } from '../../src/indicators/participation.js';
import { symbiosisContext, valueAddedExports } from '../../src/indicators/symbiosis.js';
import { localShares } from '../../src/indicators/localshares.js';
import { exportMarketHhi } from '../../src/indicators/concentration.js';
import { countryBySector, rca } from '../../src/indicators/rca.js';
import { countryIndex } from '../../src/indicators/common.js';
import { bmCountry } from '../../src/decompose/bm.js';
import { HAS_SHARED, shared } from '../shared-data.js';
import { readGolden } from '../golden.js';

const W2011 = shared('wiod2013', 'wiot_2011.csv.gz');
const W2004 = shared('wiod2013', 'wiot_2004.csv.gz');
const ok = HAS_SHARED && existsSync(W2011) && existsSync(shared('golden', 'wiod2011_wwz.csv.gz'));
if (!ok) console.warn('[gvc tests] WIOD 2013 / decompr goldens absent: WIOD indicator checks skipped.');

const relTo1 = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1);

describe.skipIf(!ok)('indicators on WIOD 2011 (decompr goldens, spec values)', () => {
  let m: IoModel;
  let kwwGolden: Map<string, number[]>;
  let kwwHeader: string[];
  /** WWZ sector sums from the golden, keyed "CTY.sector". */
  const wwzSum = new Map<string, Record<string, number>>();

  beforeAll(async () => {
    await useBestBackend();
    m = buildModel(parseLabeledCsv(readText(W2011), { source: W2011 }));
    const k = readGolden(shared('golden', 'wiod2011_kww.csv.gz'));
    kwwHeader = k.header;
    kwwGolden = new Map(k.rows.map((r) => [r[0], r.slice(1).map(Number)]));
    const w = readGolden(shared('golden', 'wiod2011_wwz.csv.gz'));
    const h = w.header;
    for (const row of w.rows) {
      const key = `${row[0]}.${row[1]}`;
      let acc = wwzSum.get(key);
      if (!acc) wwzSum.set(key, (acc = {}));
      for (let j = 3; j < h.length; j++) acc[h[j]] = (acc[h[j]] ?? 0) + Number(row[j]);
    }
  }, 120_000);

  const gold = (c: string, term: string) => kwwGolden.get(c)![kwwHeader.indexOf(term) - 1];

  it('sector IV, FV (closed form) match the WWZ golden summed over importers to 1e-8', () => {
    const s = sectorIvFv(m);
    const { countries, sectors } = m.table;
    let worst = 0;
    for (let r = 0; r < m.GN; r++) {
      const g = wwzSum.get(`${countries[Math.floor(r / m.N)]}.${sectors[r % m.N]}`)!;
      const iv = g.DVA_INTrexI1 + g.DVA_INTrexF + g.DVA_INTrexI2;
      const fv = g.MVA_FIN + g.OVA_FIN + g.MVA_INT + g.OVA_INT + g.MDC + g.ODC;
      worst = Math.max(worst, relTo1(s.IV[r], iv), relTo1(s.FV[r], fv), relTo1(s.E[r], g.texp));
      if (s.E[r] > 0) {
        expect(s.IV[r] / s.E[r]).toBeGreaterThanOrEqual(0);
        expect(s.FV[r] / s.E[r]).toBeLessThanOrEqual(1);
      }
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('VAX[a,i] (F_a form) = WWZ DVA_FIN + DVA_INT + DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2; country sums = KWW DVA_FIN + DVA_INT + DVA_INTrex', () => {
    const ctx = symbiosisContext(m);
    const { countries, sectors } = m.table;
    let worst = 0;
    let worstC = 0;
    for (let a = 0; a < m.G; a++) {
      const vax = valueAddedExports(ctx, a);
      let tot = 0;
      for (let i = 0; i < m.N; i++) {
        const g = wwzSum.get(`${countries[a]}.${sectors[i]}`)!;
        worst = Math.max(worst, relTo1(vax[i], g.DVA_FIN + g.DVA_INT + g.DVA_INTrexI1 + g.DVA_INTrexF + g.DVA_INTrexI2));
        tot += vax[i];
      }
      const c = countries[a];
      if (kwwGolden.has(c)) worstC = Math.max(worstC, relTo1(tot, gold(c, 'DVA_FIN') + gold(c, 'DVA_INT') + gold(c, 'DVA_INTrex')));
    }
    expect(worst).toBeLessThan(1e-8);
    expect(worstC).toBeLessThan(1e-8);
  });

  it('KPWW indices from the KWW golden: CHN 2011 GVCP 0.2919, GVCL -0.1261 (bri-upgrading 5)', () => {
    const cs = m.table.countries.filter((c) => kwwGolden.has(c));
    const terms = {} as Record<string, Float64Array>;
    for (const t of ['DVA_FIN', 'DVA_INT', 'DVA_INTrex', 'RDV_FIN', 'RDV_INT', 'DDC', 'FVA_FIN', 'FVA_INT', 'FDC']) {
      terms[t] = Float64Array.from(cs.map((c) => gold(c, t)));
    }
    const k = kpwwIndices(kwwIvFv(terms as unknown as KwwTerms));
    const chn = cs.indexOf('CHN');
    expect(Math.abs(k.participation[chn] - 0.2919)).toBeLessThan(0.001);
    expect(Math.abs(k.position[chn] - -0.1261)).toBeLessThan(0.001);
    // E from the nine terms equals the table's gross exports
    for (const [ci, c] of cs.entries()) {
      const a = countryIndex(m.table.countries, c);
      let e = 0;
      for (let i = a * m.N; i < (a + 1) * m.N; i++) e += m.e[i];
      expect(relTo1(k.E[ci], e)).toBeLessThan(1e-10);
    }
  });

  it('VS1 participation (deglobalization 4): USA 0.425, CHN 0.418, DEU 0.502, JPN 0.433, LUX max 0.738, CYP min 0.400', () => {
    const r = vs1Participation(m);
    const C = m.table.countries;
    const at = (c: string) => countryIndex(C, c);
    const want: Record<string, number> = { USA: 0.425, CHN: 0.418, DEU: 0.502, JPN: 0.433, LUX: 0.738, CYP: 0.4 };
    for (const [c, v] of Object.entries(want)) expect(Math.abs(r.gvcp[at(c)] - v)).toBeLessThan(0.002);
    const named = C.map((c, i) => [c, r.gvcp[i]] as const).filter(([c]) => c !== 'RoW');
    named.sort((a, b) => a[1] - b[1]);
    expect(named[0][0]).toBe('CYP');
    expect(named[named.length - 1][0]).toBe('LUX');
    const usa = at('USA');
    expect(Math.abs(r.DVX[usa] / r.E[usa] - 0.276)).toBeLessThan(0.002);
    expect(Math.abs(r.FVA[usa] / r.E[usa] - 0.149)).toBeLessThan(0.002);
    let sd = 0;
    let sf = 0;
    for (let c = 0; c < m.G; c++) {
      sd += r.DVX[c];
      sf += r.FVA[c];
      const g = C[c];
      if (kwwGolden.has(g)) {
        const fvGold = (gold(g, 'FVA_FIN') + gold(g, 'FVA_INT') + gold(g, 'FDC')) / r.E[c];
        expect(Math.abs(r.FVA[c] / r.E[c] - fvGold)).toBeLessThan(0.005);
      }
    }
    expect(Math.abs(sd - sf) / sf).toBeLessThan(1e-12);
    const iv = Float64Array.from(C.map((c) => (kwwGolden.has(c) ? gold(c, 'DVA_INTrex') : NaN)));
    expect(Math.abs(gvcpKpww(r, iv)[usa] - 0.2249)).toBeLessThan(0.001);
  });

  it('Borin-Mancini shares from decompose/bm match the golden bm_country shares to 1e-8', () => {
    const g = readGolden(shared('golden', 'wiod2011_bm_country.csv.gz'));
    const col = (name: string) => Float64Array.from(g.rows.map((r) => Number(r[g.header.indexOf(name)])));
    const want = bmShares({ GEXP: col('GEXP'), GVC: col('GVC'), GVCB: col('GVCB'), GVCF: col('GVCF') });
    const got = bmShares(bmCountry(m));
    for (const [k, row] of g.rows.entries()) {
      const c = countryIndex(m.table.countries, row[0]);
      expect(Math.abs(got.gvc[c] - want.gvc[k])).toBeLessThan(1e-8);
      expect(Math.abs(got.backward[c] - want.backward[k])).toBeLessThan(1e-8);
      expect(Math.abs(got.forward[c] - want.forward[k])).toBeLessThan(1e-8);
    }
  });

  it('local shares, industry scope c2-c17 (deglobalization 4): USA 2011 omega 0.702, mu 0.772, v 0.393', () => {
    const ls = localShares(m.table, 'c2-c17');
    const usa = countryIndex(ls.countries, 'USA');
    expect(Math.abs(ls.omega[usa] - 0.702)).toBeLessThan(0.002);
    expect(Math.abs(ls.mu[usa] - 0.772)).toBeLessThan(0.002);
    expect(Math.abs(ls.v[usa] - 0.393)).toBeLessThan(0.002);
    for (let c = 0; c < ls.countries.length; c++) {
      for (const x of [ls.omega[c], ls.mu[c], ls.muProduct[c], ls.v[c]]) {
        expect(x).toBeGreaterThan(0.02);
        expect(x).toBeLessThan(0.98);
      }
    }
  });

  it('export-market HHI: shares sum to 100 with RoW, 0 < HHI <= 100, rowUnit HHI >= 100/41', () => {
    const h = exportMarketHhi(m, { scope: 'c2-c17' });
    expect(h.intermediateShare.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(h.finalShare.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    for (const x of [h.intermediateHhi, h.finalHhi]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThanOrEqual(100);
    }
    expect(exportMarketHhi(m, { scope: 'c2-c17', rowUnit: true }).intermediateHhi).toBeGreaterThanOrEqual(100 / 41);
  });

  it('RCA on gross exports: export-share-weighted RCA of each sector sums to 1 (bri-symbiosis 8)', () => {
    const X = countryBySector(m.e, m.G, m.N);
    const R = rca(X);
    let tot = 0;
    const row = new Float64Array(m.G);
    for (let s = 0; s < m.G; s++) for (let i = 0; i < m.N; i++) {
      row[s] += X.data[s * m.N + i];
      tot += X.data[s * m.N + i];
    }
    for (let i = 0; i < m.N; i++) {
      let acc = 0;
      let colTot = 0;
      for (let s = 0; s < m.G; s++) colTot += X.data[s * m.N + i];
      if (!(colTot > 0)) continue;
      for (let s = 0; s < m.G; s++) if (row[s] > 0) acc += (row[s] / tot) * R.data[s * m.N + i];
      expect(acc).toBeCloseTo(1, 10);
    }
  });
});

describe.skipIf(!(ok && existsSync(W2004)))('WIOD 2004 (deglobalization 4): CHN industry omega 0.820, mu 0.845, v 0.270; gvcp_vs1 0.4446', () => {
  it('reproduces the indicative values', async () => {
    await useBestBackend();
    const t = parseLabeledCsv(readText(W2004), { source: W2004 });
    const ls = localShares(t, 'c2-c17');
    const chn = countryIndex(ls.countries, 'CHN');
    expect(Math.abs(ls.omega[chn] - 0.82)).toBeLessThan(0.002);
    expect(Math.abs(ls.mu[chn] - 0.845)).toBeLessThan(0.002);
    expect(Math.abs(ls.v[chn] - 0.27)).toBeLessThan(0.002);
    const r = vs1Participation(buildModel(t, { local: false }));
    expect(Math.abs(r.gvcp[chn] - 0.4446)).toBeLessThan(0.001);
  }, 120_000);
});
