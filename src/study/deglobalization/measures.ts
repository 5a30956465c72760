/**
 * Country measures of one MRIO year for the deglobalization study (spec 1.4, 2.2, 4): gross exports, DVX
 * (VS1 and KWW DVA_INTrex), FVA, both participation rates, the local shares omega, mu (user and product
 * basis) and the value-added ratio v for the three scopes, GDP (sum of value added), Table 4 market shares,
 * and the accounting checks of spec 6 ("MRIO indicators").
 */
import { kww } from '../../decompose/kww.js';
import { exportMarketHhi, gvcpKpww, localShares, vs1Participation, type LocalShares, type MarketHhi } from '../../indicators/index.js';
import type { IoModel } from '../../mrio/model.js';
import { SCOPE_SECTORS, SCOPES, type Scope } from './config.js';

export interface YearChecks {
  /** max_c |FVA_c + DC_c - (E_c - exports of c's zero-output sectors)| / E_c. */
  exportSplit: number;
  /** |sum DVX - sum FVA| / sum FVA over all regions. */
  dvxFva: number;
  /** Smallest and largest share (omega, mu, v, every scope and basis) over the named countries. */
  shareMin: number;
  shareMax: number;
  /** Smallest DVX or FVA (>= 0 expected). */
  minFlow: number;
  /** Total scope: omega and mu against 1 - imports / total, computed from the model (max abs difference). */
  totalScopeTwoWays: number;
  /** Exports of zero-output sectors (million USD; excluded from the export split). */
  zeroOutputExports: number;
}

export interface YearMeasures {
  year: number;
  /** All regions of the table (RoW included, last in WIOD). */
  countries: string[];
  E: Float64Array;
  DVX_vs1: Float64Array;
  DVX_kww_iv: Float64Array;
  FVA: Float64Array;
  gvcp_vs1: Float64Array;
  gvcp_kpww: Float64Array;
  shares: Record<Scope, LocalShares>;
  GDP: Float64Array;
  /** Table 4 export-market shares and HHI (RoW excluded from the HHI, and RoW as one exporter). */
  hhi?: { base: MarketHhi; rowUnit: MarketHhi };
  checks: YearChecks;
}

function zeroOutputExports(m: IoModel): Float64Array {
  const out = new Float64Array(m.G);
  for (let r = 0; r < m.GN; r++) if (m.x[r] === 0) out[Math.floor(r / m.N)] += m.e[r];
  return out;
}

/** omega and mu of the total scope from the model's import blocks (the second computation of spec 6). */
function totalScopeAlternative(m: IoModel): { omega: Float64Array; mu: Float64Array } {
  const { G, N, GN, Yc, Ei, Ef, x } = m;
  const omega = new Float64Array(G);
  const mu = new Float64Array(G);
  const va = m.table.va;
  for (let c = 0; c < G; c++) {
    let fdAll = 0;
    let fdImp = 0;
    let intImp = 0;
    for (let r = 0; r < GN; r++) {
      fdAll += Yc.data[r * G + c];
      fdImp += Ef.data[r * G + c];
      intImp += Ei.data[r * G + c];
    }
    let intAll = 0;
    for (let b = c * N; b < (c + 1) * N; b++) intAll += x[b] - va[b];
    omega[c] = fdAll > 0 ? 1 - fdImp / fdAll : NaN;
    mu[c] = intAll > 0 ? 1 - intImp / intAll : NaN;
  }
  return { omega, mu };
}

const isRow = (c: string): boolean => c.toUpperCase() === 'ROW';

export function yearMeasures(m: IoModel, year: number, opts: { hhiScope?: string; withHhi?: boolean } = {}): YearMeasures {
  const t = m.table;
  const G = m.G;
  const vs1 = vs1Participation(m);
  const k = kww(m);
  const dvaIntrex = k.terms.DVA_INTrex;
  const shares = {} as Record<Scope, LocalShares>;
  for (const s of SCOPES) shares[s] = localShares(t, SCOPE_SECTORS[s]);
  const kpww = gvcpKpww(vs1, dvaIntrex);

  // checks
  const zo = zeroOutputExports(m);
  let exportSplit = 0;
  let sd = 0;
  let sf = 0;
  let minFlow = Infinity;
  let shareMin = Infinity;
  let shareMax = -Infinity;
  for (let c = 0; c < G; c++) {
    if (vs1.E[c] > 0) exportSplit = Math.max(exportSplit, Math.abs(vs1.FVA[c] + vs1.DC[c] - (vs1.E[c] - zo[c])) / vs1.E[c]);
    sd += vs1.DVX[c];
    sf += vs1.FVA[c];
    minFlow = Math.min(minFlow, vs1.DVX[c], vs1.FVA[c]);
    if (isRow(t.countries[c])) continue;
    for (const s of SCOPES) {
      for (const a of [shares[s].omega, shares[s].mu, shares[s].muProduct, shares[s].v]) {
        if (!Number.isFinite(a[c])) continue;
        shareMin = Math.min(shareMin, a[c]);
        shareMax = Math.max(shareMax, a[c]);
      }
    }
  }
  const alt = totalScopeAlternative(m);
  let two = 0;
  for (let c = 0; c < G; c++) {
    two = Math.max(two, Math.abs(alt.omega[c] - shares.total.omega[c]), Math.abs(alt.mu[c] - shares.total.mu[c]));
  }
  let hhi: YearMeasures['hhi'];
  if (opts.withHhi) {
    const scope = opts.hhiScope ?? SCOPE_SECTORS.industry;
    hhi = { base: exportMarketHhi(m, { scope }), rowUnit: exportMarketHhi(m, { scope, rowUnit: true }) };
  }
  return {
    year,
    countries: t.countries.slice(),
    E: vs1.E,
    DVX_vs1: vs1.DVX,
    DVX_kww_iv: Float64Array.from(dvaIntrex),
    FVA: vs1.FVA,
    gvcp_vs1: vs1.gvcp,
    gvcp_kpww: kpww,
    shares,
    GDP: shares.total.GDP,
    hhi,
    checks: {
      exportSplit,
      dvxFva: sf > 0 ? Math.abs(sd - sf) / sf : 0,
      shareMin,
      shareMax,
      minFlow,
      totalScopeTwoWays: two,
      zeroOutputExports: zo.reduce((a, b) => a + b, 0),
    },
  };
}
