/**
 * One year of the bri-symbiosis indicators (spec 3.1-3.4, A2 (b) of 4.3): for every partner r and study
 * sector i, the raw levels of ITR, RH, HD, RVC, INC, GVC_P, GVC_D, RCA_D, their components and the A2 (b)
 * indices; for every country of {home} + partners, VAX by sector and in total (for XT of the next year).
 * Undefined values are NaN (never 0). Pure function of an IoModel. ABS, VAX and the pair indices are the shared
 * indicator functions of src/indicators/symbiosis.ts; IV and FV (GVC_P, GVC_D) come from ./flows.ts.
 */
import type { IoModel } from '../../mrio/model.js';
import type { StudyConfig } from './config.js';
import { countryBySector, rca } from '../../indicators/rca.js';
import { foreignFinalOutput, pairIndices, relocation, symbiosisContext, valueAddedExports } from '../../indicators/symbiosis.js';
import { wwz } from '../../decompose/wwz.js';
import { foreignVa, indirectVa, wwzPieces } from './flows.js';

/**
 * Returned domestic value added RDV_FIN + RDV_FIN2 + RDV_INT of every exporter country-sector, summed over
 * importers (WWZ 2013 in decompr's terms; option vax=dva of spec 3.2). Indexed s * N + i.
 */
export function returnedDva(m: IoModel): Float64Array {
  const w = wwz(m);
  const out = new Float64Array(m.GN);
  for (let i = 0; i < m.GN; i++) {
    for (let r = 0; r < m.G; r++) {
      const o = i * m.G + r;
      out[i] += w.RDV_FIN[o] + w.RDV_FIN2[o] + w.RDV_INT[o];
    }
  }
  return out;
}

export const CELL_FIELDS = [
  'ITR', 'ITR_c_to_r', 'ITR_r_to_c', 'RH', 'HD', 'RVC', 'INC', 'GVC_P', 'GVC_D', 'RCA_D',
  'IIR_cr', 'IDR_rc', 'IIR_rc', 'IDR_cr', 'theta_cr', 'theta_rc', 'VAX_c', 'VAX_r', 'E_c', 'E_r',
  'X_world', 'RH_b', 'HD_b', 'theta_cr_b', 'theta_rc_b',
] as const;
export type CellField = (typeof CELL_FIELDS)[number];
export type CellValues = Record<CellField, number>;

export interface YearChecks {
  /** max over computed pairs of |sum_i ABS(a,i,b) - v_a . XF_b[a]| / max(|v_a . XF_b[a]|, 1). */
  absIdentity: number;
  /** max |colSums(v B) - 1| over sectors with x > 0. */
  vbColumnSum: number;
  /** count of negative entries of B. */
  negativeB: number;
  /** max |x - Z 1 - Y 1| (the table's own row gap, million USD; informational). */
  rowGap: number;
}

export interface YearMeasures {
  year: number;
  /** cells[p * S + s] for partner p and study sector s. */
  cells: CellValues[];
  /** VAX[a, i] by study sector for home and partners (key: country code). */
  vax: Record<string, Float64Array>;
  /** sum_k VAX[a, k] over all sectors of the table. */
  vaxTotal: Record<string, number>;
  /** Total world gross output (all sectors). */
  xWorldTotal: number;
  checks: YearChecks;
}

const ratio = (num: number, den: number): number => (den > 0 ? num / den : NaN);

/**
 * Balassa RCA (src/indicators/rca.ts) of every country-sector on gross exports, all countries incl. RoW,
 * stored at s * N + i; NaN where E[s,i] <= 0 (spec 3.3).
 */
export function revealedComparativeAdvantage(e: Float64Array, G: number, N: number): Float64Array {
  const R = rca(countryBySector(e, G, N)).data;
  return e.map((q, r) => (q > 0 ? R[r] : NaN));
}

export function yearMeasures(m: IoModel, cfg: StudyConfig, year: number): YearMeasures {
  const t = m.table;
  const { G, N, GN, x, v, B } = m;
  const Z = t.Z.data;
  const XF = (r: number, b: number): number => ctx.XF.data[r * G + b];
  const c = t.countries.indexOf(cfg.home);
  const parts = cfg.partners.map((p) => t.countries.indexOf(p));
  const sec = cfg.sectors.map((s) => t.sectors.indexOf(s));
  const ctx = symbiosisContext(m);
  const pieces = wwzPieces(m);
  const rdv = cfg.vax === 'dva' ? returnedDva(m) : undefined;

  // per country of {home} + partners: VAX, IV, FV by sector
  const vaxAll = new Map<number, Float64Array>();
  const iv = new Map<number, Float64Array>();
  const fv = new Map<number, Float64Array>();
  for (const a of [c, ...parts]) {
    const Fa = foreignFinalOutput(m, a);
    const vaxA = valueAddedExports(ctx, a, cfg.attribution, Fa);
    if (rdv) for (let i = 0; i < N; i++) vaxA[i] += rdv[a * N + i];
    vaxAll.set(a, vaxA);
    iv.set(a, indirectVa(ctx, pieces, a, Fa));
    fv.set(a, foreignVa(ctx, pieces, a));
  }

  // RCA of every country-sector (gross exports incl. RoW), world output by sector
  const rcaAll = revealedComparativeAdvantage(m.e, G, N);
  const rcaOf = (s: number, i: number): number => rcaAll[s * N + i];
  const xWorld = new Float64Array(N);
  for (let r = 0; r < GN; r++) xWorld[r % N] += x[r];
  const pos = (s: number, i: number): number => {
    const E = m.e[s * N + i];
    if (!(E > 0)) return NaN;
    return Math.log(1 + iv.get(s)![i] / E) - Math.log(1 + fv.get(s)![i] / E);
  };

  const checks: YearChecks = { absIdentity: 0, vbColumnSum: 0, negativeB: 0, rowGap: 0 };
  const absCheck = (a: number, b: number, abs: Float64Array): void => {
    let lhs = 0;
    let rhs = 0;
    for (let i = 0; i < N; i++) {
      lhs += abs[i];
      rhs += v[a * N + i] * XF(a * N + i, b);
    }
    checks.absIdentity = Math.max(checks.absIdentity, Math.abs(lhs - rhs) / Math.max(Math.abs(rhs), 1));
  };

  const cells: CellValues[] = [];
  for (const r of parts) {
    const itr = relocation(ctx, c, r, cfg.attribution); // ABS(CHN, i, r) and ABS(r, i, CHN)
    absCheck(c, r, itr.ITR_c_to_r);
    absCheck(r, c, itr.ITR_r_to_c);
    const p = pairIndices(m, c, r, { rawThetas: true });
    for (const i of sec) {
      cells.push({
        ITR: itr.ITR[i],
        ITR_c_to_r: itr.ITR_c_to_r[i],
        ITR_r_to_c: itr.ITR_r_to_c[i],
        RH: p.RH[i],
        HD: p.HD[i],
        RVC: p.RVC[i],
        INC: p.INC[i],
        GVC_P: ratio(iv.get(r)![i] + fv.get(r)![i], p.E_r[i]),
        GVC_D: Math.abs(pos(c, i) - pos(r, i)),
        RCA_D: Math.abs(rcaOf(c, i) - rcaOf(r, i)),
        IIR_cr: p.IIR_cr[i],
        IDR_rc: p.IDR_rc[i],
        IIR_rc: p.IIR_rc[i],
        IDR_cr: p.IDR_cr[i],
        theta_cr: p.theta_cr[i],
        theta_rc: p.theta_rc[i],
        VAX_c: vaxAll.get(c)![i],
        VAX_r: vaxAll.get(r)![i],
        E_c: p.E_c[i],
        E_r: p.E_r[i],
        X_world: p.X_world[i],
        RH_b: p.RH_b[i],
        HD_b: p.HD_b[i],
        theta_cr_b: p.theta_cr_b[i],
        theta_rc_b: p.theta_rc_b[i],
      });
    }
  }

  // identity checks on the matrices
  for (let j = 0; j < GN; j++) if (x[j] > 0) checks.vbColumnSum = Math.max(checks.vbColumnSum, Math.abs(pieces.vB[j] - 1));
  for (let k = 0; k < B.data.length; k++) if (B.data[k] < 0) checks.negativeB++;
  for (let r = 0; r < GN; r++) {
    let s = 0;
    for (let q = 0; q < GN; q++) s += Z[r * GN + q];
    for (let q = 0; q < G; q++) s += m.Yc.data[r * G + q];
    checks.rowGap = Math.max(checks.rowGap, Math.abs(x[r] - s));
  }

  const vax: Record<string, Float64Array> = {};
  const vaxTotal: Record<string, number> = {};
  for (const a of [c, ...parts]) {
    const all = vaxAll.get(a)!;
    vax[t.countries[a]] = Float64Array.from(sec, (i) => all[i]);
    vaxTotal[t.countries[a]] = all.reduce((s, q) => s + q, 0);
  }
  return { year, cells, vax, vaxTotal, xWorldTotal: xWorld.reduce((a, b) => a + b, 0), checks };
}
