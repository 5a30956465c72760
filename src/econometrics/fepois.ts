/**
 * fepois: Poisson pseudo-maximum likelihood (PPML) with high-dimensional fixed effects, the gravity
 * workhorse (Santos Silva and Tenreyro 2006; Yotov, Piermartini, Monteiro and Larch 2016).
 *
 *   fepois('trade ~ rta | exporter^year + importer^year + pair_id', df, { cluster: 'pair_id' })
 *
 * Model: E[y | x, FE] = exp(x'b + FE + offset), y >= 0 (need not be integer). The estimator solves the
 * Poisson score equations sum_i p_i (y_i - mu_i) (x_i, d_i) = 0 (p_i prior weights).
 *
 * Sample: rows with missing / non-finite values dropped (counted), then, iterated to a fixed point
 * (poisson-separation.ts): rows in FE levels whose outcome is all zero (FE separation), rows separated by
 * a regressor that is zero wherever y > 0 (simple check), and FE singletons. All are counted.
 *
 * Algorithm (IRLS with FE projected out, as ppmlhdfe, Correia-Guimarães-Zylkin 2020, and fixest::feglm):
 *   start      mu = (y + mean(y)) / 2, eta = log(mu)                                  (ppmlhdfe default)
 *   iterate    W = p mu,  z = eta - offset + (y - mu) / mu                             (working outcome)
 *              z~, X~ = within transformation of z and X under weights W by alternating projections
 *              (demean.ts), b = (X~'WX~)^-1 X~'W z~, and the new linear index eta = z - (z~ - X~ b) + offset,
 *              i.e. the fitted values of the weighted regression of z on X and all FE dummies (FWL),
 *              without ever computing the FE.
 *   speed-ups  (i) warm starts: since z - z~ lies in the FE span, the next within transformation starts
 *              from z~_old + (z_new - z_old) and X~_old instead of the raw vectors (same limit, far fewer
 *              sweeps); (ii) adaptive inner tolerance: the demeaning tolerance starts at 1e-4 and is
 *              tightened to max(fixefTol, 0.1 * eps) as IRLS converges; a converged IRLS is only accepted
 *              after an iteration at the full tolerance fixefTol (default 1e-10).
 *   safeguard  step halving (eta and b halved towards the previous iterate) when the deviance rises by more
 *              than the tolerance or is not finite (from iteration 2 on).
 *   stopping   eps = |D_k - D_{k-1}| / max(min(D_k, D_{k-1}), 0.1) < tol (default 1e-8), D the Poisson
 *              deviance (ppmlhdfe's criterion), from iteration 2 on; at most maxIter (default 100).
 * Collinear regressors (after FE) are dropped with the fixest rule of ols.ts and reported.
 *
 * Variance: sandwiches built at the converged weights (poisson-vcov.ts documents the exact small-sample
 * factors; default `ssc: 'fixest'`, alternative 'ppmlhdfe'). Tests use the standard normal.
 * Fit: deviance, log pseudo-likelihood, and pseudo-R2 = 1 - logL / logL_0 (McFadden, logL_0 of the
 * constant-only model, as ppmlhdfe and Stata `poisson` report).
 */
import { InputError, NumericalError, OptionError } from '../errors.js';
import { numericColumn, takeVector, withColumn, type DataFrame } from './frame.js';
import { parseFormula, type ParsedFormula } from './formula.js';
import { buildColumns, evalExpr, subSample } from './design.js';
import { fixefDof, nestedFixef, subsetFixef } from './fixef.js';
import { demean } from './demean.js';
import { olsFit } from './ols.js';
import { clusterVars, prepare, resolveVcov } from './feols.js';
import { pNorm2 } from './dist.js';
import { poissonSeparation } from './poisson-separation.js';
import { poissonDeviance, poissonLogLik, poissonNull } from './poisson-family.js';
import { poissonVcov, type PoissonSsc } from './poisson-vcov.js';
import type { VcovType } from './vcov.js';
import type { CoefResult, VcovChoice } from './types.js';

export type { PoissonSsc } from './poisson-vcov.js';

export interface FepoisOptions {
  /** Variance estimator (default: 'cluster' when `cluster` is given, else 'iid'); 'cluster_plm' is not available. */
  vcov?: VcovChoice;
  /** Cluster variable(s); two names give two-way clustering. */
  cluster?: string | readonly string[];
  /** Prior weights: a column name or one value per data row. */
  weights?: string | Float64Array;
  /** Offset added to the linear index (coefficient 1): a column name or one value per data row. */
  offset?: string | Float64Array;
  /** IRLS convergence tolerance on the relative deviance change (default 1e-8). */
  tol?: number;
  /** Maximum IRLS iterations (default 100). */
  maxIter?: number;
  /** Final demeaning tolerance (default 1e-10) and sweep limit per demeaning call (default 10000). */
  fixefTol?: number;
  fixefMaxIter?: number;
  /** Collinearity tolerance (default 1e-10, see ols.ts). */
  collinTol?: number;
  /** Drop FE singletons (default true). */
  dropSingletons?: boolean;
  /** Drop separated observations (default true). */
  separation?: boolean;
  /** Small-sample convention of the variance (default 'fixest'; see poisson-vcov.ts). */
  ssc?: PoissonSsc;
}

/** tstat holds z statistics and pvalue two-sided normal p-values. */
export interface FepoisResult extends CoefResult {
  model: 'poisson';
  vcovType: VcovType;
  /** Degrees of freedom of the reference distribution: Infinity (normal). */
  dfT: number;
  dropped: {
    missing: number;
    nonFinite: number;
    singletons: number;
    /** Separated rows in total = separatedFe + separatedRegressor. */
    separated: number;
    separatedFe: number;
    separatedRegressor: number;
  };
  /** Regressors that separated observations (simple check). */
  separatedBy: string[];
  collinear: string[];
  k: number;
  kFe: number;
  /** K used in the small-sample factor (NaN when the convention uses none). */
  kVcov: number;
  ssc: PoissonSsc;
  fixef: { names: string[]; sizes: number[]; redundant: number[]; iterations: number };
  cluster?: { names: string[]; G: number[] };
  deviance: number;
  nullDeviance: number;
  logLik: number;
  nullLogLik: number;
  pseudoR2: number;
  /** IRLS iterations and whether the deviance criterion was met. */
  iterations: number;
  converged: boolean;
  /** Original row indices of the estimation sample; fitted means mu and response residuals y - mu on them. */
  rows: Int32Array;
  fitted: Float64Array;
  residuals: Float64Array;
  weighted: boolean;
  offset: boolean;
}

function wnorm(v: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += w[i] * v[i] * v[i];
  return Math.sqrt(s);
}

/** Estimate a Poisson (PPML) model with fixed effects; see the file comment for the algorithm. */
export function fepois(formula: string | ParsedFormula, data: DataFrame, opts: FepoisOptions = {}): FepoisResult {
  const f = typeof formula === 'string' ? parseFormula(formula) : formula;
  if (f.iv) throw new OptionError(`fepois does not support instrumental variables ('${f.text}').`);
  let work = data;
  let offName: string | undefined;
  if (opts.offset instanceof Float64Array) {
    offName = '(offset)';
    work = withColumn(data, offName, opts.offset);
  } else if (typeof opts.offset === 'string') offName = opts.offset;
  const p = prepare(f, work, { cluster: opts.cluster, weights: opts.weights, dropSingletons: false }, offName ? [offName] : []);
  const vtype = resolveVcov(opts.vcov, p.clusters);
  if (vtype === 'cluster_plm') throw new OptionError(`vcov 'cluster_plm' is for linear within models; use 'cluster' with Poisson.`);
  const ssc: PoissonSsc = opts.ssc ?? 'fixest';
  if (ssc !== 'fixest' && ssc !== 'ppmlhdfe') throw new OptionError(`unknown ssc '${String(ssc)}' (use fixest or ppmlhdfe).`);

  // outcome check on the full estimation sample (before any FE-based dropping)
  const y0 = evalExpr(f.lhs.expr, p.sample.data);
  for (let i = 0; i < y0.length; i++) {
    if (y0[i] < 0) {
      throw new InputError(`Poisson outcome '${f.lhs.label}' must be >= 0, but data row ${p.sample.rows[i] + 1} has ${y0[i]}.`);
    }
  }
  const hasFe = p.dims.length > 0;
  const pre = buildColumns(f.terms, p.sample.data, f.intercept, hasFe);
  const sep = poissonSeparation({
    y: y0,
    dims: p.dims,
    X: pre.cols,
    names: pre.names,
    singletons: opts.dropSingletons !== false,
    separation: opts.separation !== false,
  });
  let sample = p.sample;
  let dims = p.dims;
  if (sep.keep.length < y0.length) {
    sample = subSample(sample, sep.keep);
    dims = subsetFixef(dims, sep.keep);
  }
  const df = sample.data;
  const N = df.nrow;
  if (N === 0) throw new InputError(`no observations left for '${f.text}' after dropping missing, singleton and separated rows.`);
  const y = evalExpr(f.lhs.expr, df);
  const pw = p.weights ? takeVector(p.weights, sep.keep) : undefined;
  const off = offName ? numericColumn(df, offName) : undefined;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < N; i++) {
    const wi = pw ? pw[i] : 1;
    sw += wi;
    swy += wi * y[i];
  }
  if (!(swy > 0)) throw new InputError(`Poisson outcome '${f.lhs.label}' is zero on every row of the estimation sample.`);
  const ybar = swy / sw;
  const built = buildColumns(f.terms, df, f.intercept, hasFe);
  let cols = built.cols;
  let names = built.names;
  const collinear: string[] = [];

  const tol = opts.tol ?? 1e-8;
  const maxIter = opts.maxIter ?? 100;
  const target = opts.fixefTol ?? 1e-10;
  let inner = hasFe ? Math.max(target, 1e-4) : target;

  const mu = new Float64Array(N);
  const eta = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    mu[i] = 0.5 * (y[i] + ybar);
    eta[i] = Math.log(mu[i]);
  }
  let dev = poissonDeviance(y, mu, eta, pw);
  const w = new Float64Array(N);
  let zPrev: Float64Array | undefined;
  let zDm: Float64Array | undefined;
  let Xdm: Float64Array[] | undefined;
  let b: Float64Array = new Float64Array(0);
  let sweeps = 0;
  let iter = 0;
  let converged = false;
  while (iter < maxIter) {
    iter++;
    const z = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      w[i] = (pw ? pw[i] : 1) * mu[i];
      z[i] = eta[i] - (off ? off[i] : 0) + (y[i] - mu[i]) / mu[i];
    }
    let zd: Float64Array;
    let Xd: Float64Array[];
    if (hasFe) {
      let zs: Float64Array;
      if (zDm && zPrev) {
        zs = new Float64Array(N);
        for (let i = 0; i < N; i++) zs[i] = zDm[i] + (z[i] - zPrev[i]);
      } else zs = z;
      const dm = demean([zs, ...(Xdm ?? cols)], dims, { weights: w, tol: inner, maxIter: opts.fixefMaxIter });
      sweeps += Math.max(0, ...dm.iterations);
      zd = dm.cols[0];
      Xd = dm.cols.slice(1);
    } else {
      zd = z;
      Xd = cols;
    }
    let fitCoef: Float64Array = new Float64Array(0);
    let resid = zd;
    if (cols.length) {
      const fit = olsFit(Xd, zd, { names, weights: w, refNorms: cols.map((c) => wnorm(c, w)), tol: opts.collinTol });
      if (fit.dropped.length) {
        collinear.push(...fit.droppedNames);
        const prevB = b;
        const idx = fit.keep;
        cols = idx.map((j) => cols[j]);
        Xd = idx.map((j) => Xd[j]);
        names = fit.names;
        if (prevB.length) b = Float64Array.from(idx, (j) => prevB[j]);
      }
      fitCoef = fit.coef;
      resid = fit.residuals;
    }
    const etaNew = new Float64Array(N);
    const muNew = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      etaNew[i] = z[i] - resid[i] + (off ? off[i] : 0);
      muNew[i] = Math.exp(etaNew[i]);
    }
    let bNew: Float64Array = fitCoef;
    let devNew = poissonDeviance(y, muNew, etaNew, pw);
    if (iter === 1 && !Number.isFinite(devNew)) throw new NumericalError(`Poisson IRLS for '${f.text}' produced a non-finite deviance at the first iteration.`);
    let halvings = 0;
    while (iter > 1 && halvings < 30 && (!Number.isFinite(devNew) || (devNew - dev) / Math.max(Math.min(dev, devNew), 0.1) > tol)) {
      halvings++;
      for (let i = 0; i < N; i++) {
        etaNew[i] = 0.5 * (eta[i] + etaNew[i]);
        muNew[i] = Math.exp(etaNew[i]);
      }
      const bh = new Float64Array(bNew.length);
      for (let j = 0; j < bNew.length; j++) bh[j] = 0.5 * (b[j] + bNew[j]);
      bNew = bh;
      devNew = poissonDeviance(y, muNew, etaNew, pw);
    }
    if (!Number.isFinite(devNew)) throw new NumericalError(`Poisson IRLS for '${f.text}' diverged (non-finite deviance after step halving).`);
    const eps = Math.abs(dev - devNew) / Math.max(Math.min(dev, devNew), 0.1);
    eta.set(etaNew);
    mu.set(muNew);
    dev = devNew;
    b = bNew;
    zPrev = z;
    if (hasFe) {
      zDm = zd;
      Xdm = Xd;
    }
    if (iter > 1 && eps < tol) {
      if (!hasFe || inner <= target) {
        converged = true;
        break;
      }
      inner = target; // accept only after a pass at the full demeaning tolerance
    } else if (hasFe) inner = Math.max(target, Math.min(inner, 0.1 * eps));
  }

  // variance at the converged weights
  const k = cols.length;
  for (let i = 0; i < N; i++) w[i] = (pw ? pw[i] : 1) * mu[i];
  let XdF: Float64Array[] = cols;
  if (hasFe && k) {
    const dm = demean(Xdm ?? cols, dims, { weights: w, tol: target, maxIter: opts.fixefMaxIter });
    sweeps += Math.max(0, ...dm.iterations);
    XdF = dm.cols;
  }
  let bread: Float64Array = new Float64Array(0);
  if (k) {
    const bf = olsFit(XdF, new Float64Array(N), { weights: w, tol: 0 });
    if (bf.rank !== k) throw new NumericalError(`Poisson information matrix for '${f.text}' is singular at the solution.`);
    bread = bf.xtxInv;
  }
  const fd = fixefDof(dims);
  const cl = clusterVars(df, p.clusters);
  const nested = nestedFixef(dims, cl.map((c) => c.codes));
  const kFeNested = nested.reduce((s, q) => s + fd.sizes[q] - fd.redundant[q], 0);
  const vc = k
    ? poissonVcov({ X: XdF, y, mu, weights: pw, bread, nobs: N, kFe: fd.total, kFeNested, ssc }, vtype, cl)
    : { V: new Float64Array(0), K: NaN, note: 'no coefficients' };

  const coef: Record<string, number> = {};
  const se: Record<string, number> = {};
  const tstat: Record<string, number> = {};
  const pvalue: Record<string, number> = {};
  const vm: number[][] = [];
  names.forEach((nm, a) => {
    coef[nm] = b[a];
    se[nm] = Math.sqrt(vc.V[a * k + a]);
    tstat[nm] = coef[nm] / se[nm];
    pvalue[nm] = pNorm2(tstat[nm]);
    vm.push(Array.from(vc.V.subarray(a * k, a * k + k)));
  });
  const logLik = poissonLogLik(y, mu, eta, pw);
  const nul = poissonNull(y, pw);
  const residuals = new Float64Array(N);
  for (let i = 0; i < N; i++) residuals[i] = y[i] - mu[i];
  return {
    model: 'poisson',
    formula: f.text,
    depvar: f.lhs.label,
    names,
    coef,
    se,
    tstat,
    pvalue,
    vcovMatrix: vm,
    vcovType: vtype,
    vcovNote: `Poisson PPML; ${vc.note}`,
    dfT: Infinity,
    nobs: N,
    dropped: {
      missing: sample.droppedMissing,
      nonFinite: sample.droppedNonFinite,
      singletons: sep.singletons,
      separated: sep.fe + sep.regressor,
      separatedFe: sep.fe,
      separatedRegressor: sep.regressor,
    },
    separatedBy: sep.regressorNames,
    collinear,
    k,
    kFe: fd.total,
    kVcov: vc.K,
    ssc,
    fixef: { names: dims.map((d) => d.name), sizes: fd.sizes, redundant: fd.redundant, iterations: sweeps },
    cluster: cl.length ? { names: cl.map((c) => c.name), G: cl.map((c) => c.G) } : undefined,
    deviance: dev,
    nullDeviance: nul.deviance,
    logLik,
    nullLogLik: nul.logLik,
    pseudoR2: 1 - logLik / nul.logLik,
    iterations: iter,
    converged,
    rows: sample.rows,
    fitted: Float64Array.from(mu),
    residuals,
    weighted: !!pw,
    offset: !!off,
  };
}
