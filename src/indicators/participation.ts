/**
 * GVC participation and position.
 *
 * 1. Koopman, Powers, Wang and Wei (2010), "Give credit where credit is due: tracing value added in global
 *    production chains", NBER WP 16426; terms of Koopman, Wang and Wei (2014), AER 104(2):
 *      IV = indirect value-added exports (DVA_INTrex: value added of r in intermediates the direct importer
 *           re-exports to third countries), FV = foreign value added in r's exports, E = gross exports
 *      participation GVCP = IV/E + FV/E,   position GVCL = ln(1 + IV/E) - ln(1 + FV/E)
 *    Country level from the nine KWW terms (FV = FVA_FIN + FVA_INT + FDC, IV = DVA_INTrex, E = sum of the
 *    nine, FDC being decompr's residual); sector level from WWZ (Wang, Wei and Zhu 2013) terms of exporter
 *    (s,i) summed over importers: IV = DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2,
 *    FV = MVA_FIN + OVA_FIN + MVA_INT + OVA_INT + MDC + ODC, E = texp (bri-symbiosis spec 3.4).
 *    `sectorIvFv` computes the same sector IV and FV in closed form:
 *      IV_(s,i) = (v_s L_ss)_i [ sum_{r!=s} A_sr ( sum_{t!=s} B_rt sum_{u!=s} Y_tu - B_rr Y_rr ) ]_i
 *      FV_(s,i) = (sum_{q!=s} v_q B_qs)_i  sum_{d!=s} [ Y_sd + A_sd L_dd (Y_dd + E_d) ]_i
 *
 * 2. Wang, Wei, Yu and Zhu (2017), "Measures of participation in global value chains and global business
 *    cycles", NBER WP 23222: production-based decomposition of V^ B Y^ (L = blockdiag local inverses,
 *    A_F = A - A_D, y_D domestic and y_F foreign final demand of each product, y = y_D + y_F):
 *      V^ B Y^ = V^ L Y^_D  (pure domestic, D)        + V^ L Y^_F  (traditional trade, RT)
 *              + V^ L A_F L Y^_D (simple GVC, GVC_S)  + V^ L A_F (B Y^ - L Y^_D) (complex GVC, GVC_C)
 *    Row sums split a sector's value added (forward, by industry of origin), column sums split its final
 *    goods production (backward, by industry of final production):
 *      forward  participation = (GVC_S + GVC_C) row sums / (v^ B y)     (= va when rows balance)
 *      backward participation = (GVC_S + GVC_C) column sums / y
 *
 * 3. The VS1-based rate of the deglobalization spec (1.4; Hummels, Ishii and Yi 2001; UNCTAD-Eora):
 *      F = V^ B E^ aggregated to source country x exporting country;
 *      DVX_c = sum_{r != c} F[c, r],   FVA_c = sum_{s != c} F[s, c],   GVCP_vs1 = (DVX + FVA) / E.
 *
 * Arrays hold NaN where an index is undefined (E <= 0, zero denominators).
 */
import type { IoModel } from '../mrio/model.js';
import { KWW_TERMS } from '../decompose/kww.js';
import { byCountry, foreignATimes, localTimes, mv, ratio, timesForeignA, timesLocal, vm } from './common.js';

/** KWW 2014 country terms (decompr names), one value per exporting country. */
export interface KwwTerms {
  DVA_FIN: ArrayLike<number>;
  DVA_INT: ArrayLike<number>;
  DVA_INTrex: ArrayLike<number>;
  RDV_FIN: ArrayLike<number>;
  RDV_INT: ArrayLike<number>;
  DDC: ArrayLike<number>;
  FVA_FIN: ArrayLike<number>;
  FVA_INT: ArrayLike<number>;
  FDC: ArrayLike<number>;
}


/** WWZ 2013 terms (decompr names) of exporter-sectors, already summed over importers (length GN each). */
export interface WwzSectorTerms {
  DVA_INTrexI1: ArrayLike<number>;
  DVA_INTrexF: ArrayLike<number>;
  DVA_INTrexI2: ArrayLike<number>;
  MVA_FIN: ArrayLike<number>;
  OVA_FIN: ArrayLike<number>;
  MVA_INT: ArrayLike<number>;
  OVA_INT: ArrayLike<number>;
  MDC: ArrayLike<number>;
  ODC: ArrayLike<number>;
  texp: ArrayLike<number>;
}

/** The three inputs of the KPWW indices at any level (country or country-sector). */
export interface IvFvE {
  IV: Float64Array;
  FV: Float64Array;
  E: Float64Array;
}

export interface KpwwIndices extends IvFvE {
  ivShare: Float64Array;
  fvShare: Float64Array;
  /** GVCP = IV/E + FV/E. */
  participation: Float64Array;
  /** GVCL = ln(1 + IV/E) - ln(1 + FV/E). */
  position: Float64Array;
}

/** IV, FV, E of each country from its nine KWW terms. */
export function kwwIvFv(t: KwwTerms): IvFvE {
  const n = t.DVA_FIN.length;
  const IV = new Float64Array(n);
  const FV = new Float64Array(n);
  const E = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let e = 0;
    for (const k of KWW_TERMS) e += t[k][c];
    E[c] = e;
    IV[c] = t.DVA_INTrex[c];
    FV[c] = t.FVA_FIN[c] + t.FVA_INT[c] + t.FDC[c];
  }
  return { IV, FV, E };
}

/** IV, FV, E of each exporter-sector from WWZ terms summed over importers. */
export function wwzIvFv(t: WwzSectorTerms): IvFvE {
  const n = t.texp.length;
  const IV = new Float64Array(n);
  const FV = new Float64Array(n);
  const E = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    IV[r] = t.DVA_INTrexI1[r] + t.DVA_INTrexF[r] + t.DVA_INTrexI2[r];
    FV[r] = t.MVA_FIN[r] + t.OVA_FIN[r] + t.MVA_INT[r] + t.OVA_INT[r] + t.MDC[r] + t.ODC[r];
    E[r] = t.texp[r];
  }
  return { IV, FV, E };
}

/**
 * Sum a bilateral term stored exporter-sector x importer (row-major, index r * G + j) over importers.
 * @example sumOverImporters(Float64Array.from([1, 2, 3, 4]), 2) // Float64Array [3, 7]
 */
export function sumOverImporters(term: ArrayLike<number>, G: number): Float64Array {
  const n = term.length / G;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let acc = 0;
    for (let j = 0; j < G; j++) acc += term[r * G + j];
    out[r] = acc;
  }
  return out;
}

/** Participation and position (KPWW 2010) from IV, FV, E; NaN where E <= 0. */
export function kpwwIndices(x: IvFvE): KpwwIndices {
  const n = x.E.length;
  const ivShare = new Float64Array(n);
  const fvShare = new Float64Array(n);
  const participation = new Float64Array(n);
  const position = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ratio(x.IV[i], x.E[i]);
    const b = ratio(x.FV[i], x.E[i]);
    ivShare[i] = a;
    fvShare[i] = b;
    participation[i] = a + b;
    position[i] = Math.log(1 + a) - Math.log(1 + b);
  }
  return { ...x, ivShare, fvShare, participation, position };
}

/** Country aggregation of sector IV, FV, E (sums over the sectors of each country). */
export function aggregateIvFv(x: IvFvE, G: number, N: number): IvFvE {
  return { IV: byCountry(x.IV, G, N), FV: byCountry(x.FV, G, N), E: byCountry(x.E, G, N) };
}

/**
 * Sector-level IV and FV of every exporter (s,i) in closed form (equal to the WWZ sector sums named in
 * WwzSectorTerms); E = gross exports m.e. Needs the local inverses (buildModel default).
 */
export function sectorIvFv(m: IoModel): IvFvE {
  const { G, N, GN, B, Yc, e, v } = m;
  const Bd = B.data;
  // column sums of V^ B by source country: foreign content per unit of each column
  const vB = vm(v, B);
  const fvc = new Float64Array(GN);
  for (let s = 0; s < G; s++) {
    for (let i = 0; i < N; i++) {
      const col = s * N + i;
      let dom = 0;
      for (let k = s * N; k < (s + 1) * N; k++) dom += v[k] * Bd[k * GN + col];
      fvc[col] = vB[col] - dom;
    }
  }
  // h_d = L_dd (Y_dd + E_d)
  const ydd = new Float64Array(GN);
  for (let r = 0; r < GN; r++) ydd[r] = Yc.data[r * G + Math.floor(r / N)] + e[r];
  const h = localTimes(m, ydd);
  const Ah = foreignATimes(m, h);
  const FV = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    const s = Math.floor(r / N);
    let yf = 0;
    for (let d = 0; d < G; d++) if (d !== s) yf += Yc.data[r * G + d];
    FV[r] = fvc[r] * (yf + Ah[r]);
  }
  // IV
  const w = timesLocal(m, v);
  const IV = new Float64Array(GN);
  const z = new Float64Array(GN);
  for (let s = 0; s < G; s++) {
    for (let r = 0; r < GN; r++) {
      if (Math.floor(r / N) === s) {
        z[r] = 0;
        continue;
      }
      let acc = 0;
      for (let u = 0; u < G; u++) if (u !== s) acc += Yc.data[r * G + u];
      z[r] = acc;
    }
    const q = mv(B, z);
    const g = new Float64Array(GN);
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      for (let i = 0; i < N; i++) {
        const row = r * N + i;
        let brr = 0;
        for (let j = 0; j < N; j++) brr += Bd[row * GN + r * N + j] * Yc.data[(r * N + j) * G + r];
        g[row] = q[row] - brr;
      }
    }
    const A = m.A.data;
    for (let i = 0; i < N; i++) {
      const row = s * N + i;
      let acc = 0;
      for (let c = 0; c < GN; c++) acc += A[row * GN + c] * g[c];
      IV[row] = w[row] * acc;
    }
  }
  return { IV, FV, E: Float64Array.from(e) };
}

/** Forward (row) and backward (column) parts of the WWYZ 2017 decomposition, per country-sector. */
export interface WwyzParts {
  /** Pure domestic V^ L Y^_D. */
  D: Float64Array;
  /** Traditional trade V^ L Y^_F. */
  RT: Float64Array;
  /** Simple GVC V^ L A_F L Y^_D. */
  GVC_S: Float64Array;
  /** Complex GVC V^ L A_F (B Y^ - L Y^_D). */
  GVC_C: Float64Array;
  /** Sum of the four: v^ B y (forward; = va when rows balance) or y (backward). */
  total: Float64Array;
  /** (GVC_S + GVC_C) / total; NaN where total <= 0. */
  participation: Float64Array;
  simpleShare: Float64Array;
  complexShare: Float64Array;
}

export interface WwyzResult {
  forward: WwyzParts;
  backward: WwyzParts;
  /** forward / backward participation (WWYZ's GVC position index), NaN where undefined. */
  position: Float64Array;
}

function parts(D: Float64Array, RT: Float64Array, S: Float64Array, C: Float64Array): WwyzParts {
  const n = D.length;
  const total = new Float64Array(n);
  const participation = new Float64Array(n);
  const simpleShare = new Float64Array(n);
  const complexShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    total[i] = D[i] + RT[i] + S[i] + C[i];
    simpleShare[i] = ratio(S[i], total[i]);
    complexShare[i] = ratio(C[i], total[i]);
    participation[i] = simpleShare[i] + complexShare[i];
  }
  return { D, RT, GVC_S: S, GVC_C: C, total, participation, simpleShare, complexShare };
}

function positionOf(f: WwyzParts, b: WwyzParts): Float64Array {
  const out = new Float64Array(f.participation.length);
  for (let i = 0; i < out.length; i++) out[i] = b.participation[i] > 0 ? f.participation[i] / b.participation[i] : NaN;
  return out;
}

/** WWYZ 2017 production-based forward and backward participation of every country-sector. */
export function wwyzSector(m: IoModel): WwyzResult {
  const { G, N, GN, Yc, B, v } = m;
  const yD = new Float64Array(GN);
  const yF = new Float64Array(GN);
  const y = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    const own = Math.floor(r / N);
    for (let j = 0; j < G; j++) {
      const val = Yc.data[r * G + j];
      if (j === own) yD[r] += val;
      else yF[r] += val;
    }
    y[r] = yD[r] + yF[r];
  }
  // forward (rows)
  const LyD = localTimes(m, yD);
  const LyF = localTimes(m, yF);
  const By = mv(B, y);
  const LAFLyD = localTimes(m, foreignATimes(m, LyD));
  const rest = new Float64Array(GN);
  for (let r = 0; r < GN; r++) rest[r] = By[r] - LyD[r];
  const LAFrest = localTimes(m, foreignATimes(m, rest));
  const fD = new Float64Array(GN);
  const fRT = new Float64Array(GN);
  const fS = new Float64Array(GN);
  const fC = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    fD[r] = v[r] * LyD[r];
    fRT[r] = v[r] * LyF[r];
    fS[r] = v[r] * LAFLyD[r];
    fC[r] = v[r] * LAFrest[r];
  }
  // backward (columns)
  const vL = timesLocal(m, v);
  const vLAF = timesForeignA(m, vL);
  const vLAFL = timesLocal(m, vLAF);
  const vLAFB = vm(vLAF, B);
  const bD = new Float64Array(GN);
  const bRT = new Float64Array(GN);
  const bS = new Float64Array(GN);
  const bC = new Float64Array(GN);
  for (let c = 0; c < GN; c++) {
    bD[c] = vL[c] * yD[c];
    bRT[c] = vL[c] * yF[c];
    bS[c] = vLAFL[c] * yD[c];
    bC[c] = vLAFB[c] * y[c] - vLAFL[c] * yD[c];
  }
  const forward = parts(fD, fRT, fS, fC);
  const backward = parts(bD, bRT, bS, bC);
  return { forward, backward, position: positionOf(forward, backward) };
}

/** WWYZ participation aggregated to countries (component sums over each country's sectors). */
export function wwyzCountry(m: IoModel, sector: WwyzResult = wwyzSector(m)): WwyzResult {
  const { G, N } = m;
  const agg = (p: WwyzParts) =>
    parts(byCountry(p.D, G, N), byCountry(p.RT, G, N), byCountry(p.GVC_S, G, N), byCountry(p.GVC_C, G, N));
  const forward = agg(sector.forward);
  const backward = agg(sector.backward);
  return { forward, backward, position: positionOf(forward, backward) };
}

/** Country-level VS1 participation of the deglobalization spec (1.4, 4). */
export interface Vs1Result {
  /** Gross exports per country. */
  E: Float64Array;
  /** Value added of c inside other countries' gross exports (row sums of off-diagonal F). */
  DVX: Float64Array;
  /** Foreign value added inside c's gross exports (column sums of off-diagonal F). */
  FVA: Float64Array;
  /** Domestic value added inside c's own gross exports (diagonal of F). */
  DC: Float64Array;
  /** (DVX + FVA) / E. */
  gvcp: Float64Array;
  /** Source x exporter matrix F (G x G, row-major): F[s * G + r]. */
  F: Float64Array;
}

/** F = V^ B E^ by country pair, DVX, FVA and the VS1 participation rate. */
export function vs1Participation(m: IoModel): Vs1Result {
  const { G, N, GN, B, v, e } = m;
  const Bd = B.data;
  const F = new Float64Array(G * G);
  const S = new Float64Array(GN);
  for (let s = 0; s < G; s++) {
    S.fill(0);
    for (let k = s * N; k < (s + 1) * N; k++) {
      const vk = v[k];
      if (vk === 0) continue;
      const o = k * GN;
      for (let j = 0; j < GN; j++) S[j] += vk * Bd[o + j];
    }
    for (let r = 0; r < G; r++) {
      let acc = 0;
      for (let j = r * N; j < (r + 1) * N; j++) acc += S[j] * e[j];
      F[s * G + r] = acc;
    }
  }
  const E = byCountry(e, G, N);
  const DVX = new Float64Array(G);
  const FVA = new Float64Array(G);
  const DC = new Float64Array(G);
  const gvcp = new Float64Array(G);
  for (let c = 0; c < G; c++) {
    for (let r = 0; r < G; r++) {
      if (r === c) continue;
      DVX[c] += F[c * G + r];
      FVA[c] += F[r * G + c];
    }
    DC[c] = F[c * G + c];
    gvcp[c] = ratio(DVX[c] + FVA[c], E[c]);
  }
  return { E, DVX, FVA, DC, gvcp, F };
}

/**
 * The deglobalization spec's `gvcp_kpww`: DVX = KWW's DVA_INTrex, FVA = column-sum FVA of vs1Participation.
 */
export function gvcpKpww(vs1: Vs1Result, dvaIntrex: ArrayLike<number>): Float64Array {
  const out = new Float64Array(vs1.E.length);
  for (let c = 0; c < out.length; c++) out[c] = ratio(dvaIntrex[c] + vs1.FVA[c], vs1.E[c]);
  return out;
}

/** Borin-Mancini (2019) country or sector terms used for participation shares (decompr bm names). */
export interface BmParticipationTerms {
  GEXP: ArrayLike<number>;
  GVC: ArrayLike<number>;
  GVCB: ArrayLike<number>;
  GVCF: ArrayLike<number>;
}

/**
 * Borin and Mancini (2019), "Measuring what matters in global value chains and value-added trade", World
 * Bank PRWP 8804: GVC-related share of exports GVC/E, backward GVCB/E and forward GVCF/E (E = GEXP);
 * bri-upgrading spec 2.1 extension. NaN where E <= 0.
 */
export function bmShares(t: BmParticipationTerms): { gvc: Float64Array; backward: Float64Array; forward: Float64Array } {
  const n = t.GEXP.length;
  const gvc = new Float64Array(n);
  const backward = new Float64Array(n);
  const forward = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gvc[i] = ratio(t.GVC[i], t.GEXP[i]);
    backward[i] = ratio(t.GVCB[i], t.GEXP[i]);
    forward[i] = ratio(t.GVCF[i], t.GEXP[i]);
  }
  return { gvc, backward, forward };
}

/**
 * Sum of WWZ terms of each exporter-sector over importers (terms stored exporter-sector x importer, r * G + j),
 * e.g. RDV_FIN + RDV_FIN2 + RDV_INT for the bri-symbiosis option vax = dva (added to VAX of 3.2).
 */
export function wwzSectorSum(terms: ReadonlyArray<ArrayLike<number>>, G: number): Float64Array {
  const n = terms[0].length / G;
  const out = new Float64Array(n);
  for (const t of terms) {
    const s = sumOverImporters(t, G);
    for (let r = 0; r < n; r++) out[r] += s[r];
  }
  return out;
}
