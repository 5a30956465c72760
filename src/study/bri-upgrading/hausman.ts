/**
 * Hausman test of fixed against random effects (spec 3, Table 2), as Stata `hausman fe re` and R
 * `plm::phtest` (default): each V from its own fit (FE conventional, RE Swamy-Arora),
 *   H = (b_FE - b_RE)' [V_FE - V_RE]^-1 (b_FE - b_RE)  ~  chi2(k)   over the k common slopes.
 * When V_FE - V_RE is not positive definite (its smallest eigenvalue <= 0 or below 1e-12 x the largest
 * |eigenvalue|), the Moore-Penrose inverse is used: with V_FE - V_RE = sum_e l_e u_e u_e',
 *   H = sum_{|l_e| > tol} (u_e'd)^2 / l_e,   df = #{e : |l_e| > tol} (the rank),
 *   tol = sqrt(machine eps) x max |l_e|   (MASS::ginv's tolerance),
 * so H can be negative (Stata: "chi2 < 0, the data fail the asymptotic assumptions of the test"); then the
 * p-value is undefined and no model is preferred. The result says so (`pseudoInverse`).
 */
import { symEigen } from '../../econometrics/dense.js';
import { pChi2 } from '../../econometrics/dist.js';
import { hausman as plmHausman, reRandom, type ReResult } from '../../econometrics/re.js';
import { takeRows, type DataFrame } from '../../econometrics/frame.js';
import type { Fit } from './estimate.js';

export interface HausmanTest {
  dep: string;
  chi2: number;
  df: number;
  p: number;
  pseudoInverse: boolean;
  /** Smallest eigenvalue of V_FE - V_RE. */
  minEigen: number;
  preferred: 'FE' | 'RE' | 'undetermined';
  coefficients: string[];
  re: { coef: Record<string, number>; se: Record<string, number>; theta: number; sigma2_id: number; sigma2_idios: number };
}

/** Swamy-Arora random effects on the same rows and regressors as a FE fit. */
export function reFit(panel: DataFrame, fe: Fit, rows: readonly number[], id = 'country'): ReResult {
  const data = takeRows(panel, Int32Array.from(rows), [fe.dep, ...fe.slopes, id]);
  return reRandom(`${fe.dep} ~ ${fe.slopes.join(' + ')} | ${id}`, data);
}

export function hausmanTest(fe: Fit, re: ReResult, level = 0.05): HausmanTest {
  const names = fe.slopes.filter((nm) => re.names.includes(nm));
  const m = names.length;
  const d = names.map((nm) => fe.b[fe.slopes.indexOf(nm)] - re.coef[nm]);
  const D = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let c = 0; c < m; c++) {
      const vf = fe.V[fe.slopes.indexOf(names[a])][fe.slopes.indexOf(names[c])];
      const vr = re.vcovMatrix[re.names.indexOf(names[a])][re.names.indexOf(names[c])];
      D[a * m + c] = vf - vr;
    }
  }
  const { values, vectors } = symEigen(D, m);
  const maxAbs = Math.max(...Array.from(values, Math.abs));
  const minEigen = Math.min(...values);
  let chi2: number;
  let df: number;
  const pseudoInverse = !(minEigen > 1e-12 * maxAbs);
  const tol = Math.sqrt(2.220446049250313e-16) * maxAbs;
  if (!pseudoInverse) {
    // the plm route (general inverse) reproduces R exactly
    const feModel = { names: fe.slopes, coef: Object.fromEntries(fe.slopes.map((nm, j) => [nm, fe.b[j]])), vcovMatrix: fe.V };
    const h = plmHausman(feModel, re);
    chi2 = h.stat;
    df = h.df;
  } else {
    chi2 = 0;
    df = 0;
    for (let e = 0; e < m; e++) {
      if (!(Math.abs(values[e]) > tol)) continue;
      df++;
      let proj = 0;
      for (let a = 0; a < m; a++) proj += vectors[a * m + e] * d[a];
      chi2 += (proj * proj) / values[e];
    }
  }
  const p = df > 0 && chi2 >= 0 ? pChi2(chi2, df) : NaN;
  return {
    dep: fe.dep,
    chi2,
    df,
    p,
    pseudoInverse,
    minEigen,
    preferred: Number.isFinite(p) ? (p < level ? 'FE' : 'RE') : 'undetermined',
    coefficients: names,
    re: { coef: re.coef, se: re.se, theta: re.theta, sigma2_id: re.sigma2_id, sigma2_idios: re.sigma2_idios },
  };
}
