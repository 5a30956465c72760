/**
 * One year of the bri-symbiosis indicators (spec 3.1-3.4, A2 (b) of 4.3): for every partner r and study
 * sector i, the raw levels of ITR, RH, HD, RVC, INC, GVC_P, GVC_D, RCA_D, their components and the A2 (b)
 * indices; for every country of {home} + partners, VAX by sector and in total (for XT of the next year).
 * Undefined values are NaN (never 0). Pure function of an IoModel.
 */
import type { IoModel } from '../../mrio/model.js';
import type { StudyConfig } from './config.js';
import { absorbedVa, domesticWeights, finalOutput, foreignFinalOutput, foreignVa, indirectVa, vaxExports, wwzPieces } from './flows.js';

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
 * RCA(s,i) = (E[s,i] / sum_k E[s,k]) / (sum_s' E[s',i] / sum_{s',k} E[s',k]) for every country-sector
 * (gross exports, all countries incl. RoW); NaN where E[s,i] <= 0.
 */
export function revealedComparativeAdvantage(e: Float64Array, G: number, N: number): Float64Array {
  let tot = 0;
  const bySector = new Float64Array(N);
  const byCountry = new Float64Array(G);
  for (let r = 0; r < G * N; r++) {
    tot += e[r];
    bySector[r % N] += e[r];
    byCountry[Math.floor(r / N)] += e[r];
  }
  return e.map((q, r) => {
    const s = Math.floor(r / N);
    const i = r % N;
    return q > 0 && byCountry[s] > 0 && bySector[i] > 0 ? q / byCountry[s] / (bySector[i] / tot) : NaN;
  });
}

export function yearMeasures(m: IoModel, cfg: StudyConfig, year: number): YearMeasures {
  const t = m.table;
  const { G, N, GN, x, v, B } = m;
  const Z = t.Z.data;
  const c = t.countries.indexOf(cfg.home);
  const parts = cfg.partners.map((p) => t.countries.indexOf(p));
  const sec = cfg.sectors.map((s) => t.sectors.indexOf(s));
  const dw = domesticWeights(m);
  const pieces = wwzPieces(m);

  // per country of {home} + partners: VAX, IV, FV by sector
  const vaxAll = new Map<number, Float64Array>();
  const iv = new Map<number, Float64Array>();
  const fv = new Map<number, Float64Array>();
  for (const a of [c, ...parts]) {
    const Fa = foreignFinalOutput(m, a);
    vaxAll.set(a, vaxExports(m, dw, a, cfg.attribution, Fa));
    iv.set(a, indirectVa(m, dw, pieces, a, Fa));
    fv.set(a, foreignVa(m, dw, pieces, a));
  }

  // RCA of every country-sector (gross exports incl. RoW), world VA and output by sector
  const rcaAll = revealedComparativeAdvantage(m.e, G, N);
  const rca = (s: number, i: number): number => rcaAll[s * N + i];
  const vaWorld = new Float64Array(N);
  const xWorld = new Float64Array(N);
  for (let r = 0; r < GN; r++) {
    vaWorld[r % N] += t.va[r];
    xWorld[r % N] += x[r];
  }
  const pos = (s: number, i: number): number => {
    const E = m.e[s * N + i];
    if (!(E > 0)) return NaN;
    return Math.log(1 + iv.get(s)![i] / E) - Math.log(1 + fv.get(s)![i] / E);
  };

  const checks: YearChecks = { absIdentity: 0, vbColumnSum: 0, negativeB: 0, rowGap: 0 };
  const XFc = finalOutput(m, c);
  const absCheck = (a: number, XFb: Float64Array, abs: Float64Array): void => {
    let lhs = 0;
    let rhs = 0;
    for (let i = 0; i < N; i++) {
      lhs += abs[i];
      rhs += v[a * N + i] * XFb[a * N + i];
    }
    checks.absIdentity = Math.max(checks.absIdentity, Math.abs(lhs - rhs) / Math.max(Math.abs(rhs), 1));
  };

  const cells: CellValues[] = [];
  for (const r of parts) {
    const XFr = finalOutput(m, r);
    const absCr = absorbedVa(m, dw, c, r, XFr, cfg.attribution); // ABS(CHN, i, r)
    const absRc = absorbedVa(m, dw, r, c, XFc, cfg.attribution); // ABS(r, i, CHN)
    absCheck(c, XFr, absCr);
    absCheck(r, XFc, absRc);
    for (const i of sec) {
      const ci = c * N + i;
      const ri = r * N + i;
      const zcr = Z[ci * GN + ri];
      const zrc = Z[ri * GN + ci];
      const xOk = x[ci] > 0 && x[ri] > 0;
      const IIR_cr = xOk ? zcr / x[ri] : NaN;
      const IDR_rc = xOk ? zcr / x[ci] : NaN;
      const IIR_rc = xOk ? zrc / x[ci] : NaN;
      const IDR_cr = xOk ? zrc / x[ri] : NaN;
      const theta_cr = v[ri] * B.data[ri * GN + ci];
      const theta_rc = v[ci] * B.data[ci * GN + ri];
      const E_c = m.e[ci];
      const E_r = m.e[ri];
      const eOk = E_c > 0 && E_r > 0;
      // A2 (b): one sector against all sectors of the other country
      let zc_ri = 0, zci_r = 0, zr_ci = 0, zri_c = 0, th_cr_b = 0, th_rc_b = 0;
      for (let k = 0; k < N; k++) {
        zc_ri += Z[(c * N + k) * GN + ri];
        zci_r += Z[ci * GN + r * N + k];
        zr_ci += Z[(r * N + k) * GN + ci];
        zri_c += Z[ri * GN + c * N + k];
        th_cr_b += v[r * N + k] * B.data[(r * N + k) * GN + ci];
        th_rc_b += v[c * N + k] * B.data[(c * N + k) * GN + ri];
      }
      const RH_b = xOk ? (zc_ri / x[ri] + zci_r / x[ci] + zr_ci / x[ci] + zri_c / x[ri]) / 4 : NaN;
      const pc = pos(c, i);
      const pr = pos(r, i);
      const rc = rca(c, i);
      const rr = rca(r, i);
      cells.push({
        ITR: absCr[i] + absRc[i],
        ITR_c_to_r: absCr[i],
        ITR_r_to_c: absRc[i],
        RH: xOk ? (IIR_cr + IDR_rc + IIR_rc + IDR_cr) / 4 : NaN,
        HD: eOk ? (theta_cr + theta_rc) / 2 : NaN,
        RVC: eOk ? (theta_cr * E_c + theta_rc * E_r) / (E_c + E_r) : NaN,
        INC: vaWorld[i] > 0 ? (t.va[ci] + t.va[ri]) / (2 * vaWorld[i]) : NaN,
        GVC_P: ratio(iv.get(r)![i] + fv.get(r)![i], E_r),
        GVC_D: Math.abs(pc - pr),
        RCA_D: Math.abs(rc - rr),
        IIR_cr, IDR_rc, IIR_rc, IDR_cr, theta_cr, theta_rc,
        VAX_c: vaxAll.get(c)![i],
        VAX_r: vaxAll.get(r)![i],
        E_c, E_r,
        X_world: xWorld[i],
        RH_b,
        HD_b: eOk ? (th_cr_b + th_rc_b) / 2 : NaN,
        theta_cr_b: th_cr_b,
        theta_rc_b: th_rc_b,
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
