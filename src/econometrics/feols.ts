/**
 * feols: linear models with high-dimensional fixed effects and optional IV (2SLS), fixest-style.
 *
 *   feols('y ~ x1 + x2 | fe1 + fe2', data, { vcov: 'cluster', cluster: 'fe1' })
 *   feols('y ~ x1 | fe | d ~ z1 + z2', data)            // 2SLS with FE
 *
 * Steps: parse -> estimation sample (rows with missing / non-finite values dropped, counted) ->
 * FE singletons dropped iteratively (counted) -> model matrix -> FE projected out of y, X (and the
 * endogenous and instruments) by alternating projections (demean.ts) -> least squares by QR with
 * collinear columns dropped and reported (ols.ts) -> variance (vcov.ts).
 * 2SLS: Xhat = P_[X1,Z] X (first stage by OLS per endogenous variable), b = (Xhat'WXhat)^-1 Xhat'Wy,
 * residuals e = y - X b with the actual X; sandwiches use Xhat. Instrument diagnostics in iv.ts.
 *
 * Fit statistics: R^2 = 1 - SSR/TSS (TSS centred when there is an intercept or FE, raw otherwise);
 * adjusted R^2 = 1 - (1 - R^2)(N - 1)/(N - K) with K = k + K_fe; within R^2 = 1 - SSR/||M_D y||^2;
 * rmse = sqrt(SSR/N). Weighted versions use the weights throughout.
 */
import { OptionError, InputError } from '../errors.js';
import { column, factor, numericColumn, withColumn, type DataFrame } from './frame.js';
import { parseFormula, type ParsedFormula } from './formula.js';
import { buildColumns, evalExpr, formulaExprs, sampleRows, subSample, usedVariables, type Sample } from './design.js';
import { buildFixef, dropSingletons, fixefDof, nestedFixef, subsetFixef, type FixefDim } from './fixef.js';
import { demean } from './demean.js';
import { olsFit } from './ols.js';
import { computeVcov, type ClusterVar, type VcovType } from './vcov.js';
import { pT2 } from './dist.js';
import { ivDiagnostics } from './iv.js';
import type { FeolsOptions, FeolsResult, VcovChoice } from './types.js';

export type { FeolsOptions, FeolsResult } from './types.js';

/** Normalise the variance choice (aliases) given the cluster variables. */
export function resolveVcov(choice: VcovChoice | undefined, clusters: readonly string[]): VcovType {
  const c = choice ?? (clusters.length ? 'cluster' : 'iid');
  const map: Record<string, VcovType> = {
    iid: 'iid', hc0: 'hc0', HC0: 'hc0', hc1: 'hc1', HC1: 'hc1', hetero: 'hc1', robust: 'hc1',
    cluster: 'cluster', CR1: 'cluster', cluster_plm: 'cluster_plm', twoway: 'twoway', twoway_cluster: 'twoway',
  };
  const t = map[c];
  if (!t) throw new OptionError(`unknown vcov '${c}' (use iid, hc1, cluster, cluster_plm or twoway).`);
  if ((t === 'cluster' || t === 'cluster_plm' || t === 'twoway') && clusters.length === 0) {
    throw new OptionError(`vcov '${c}' needs cluster variable(s) (option cluster).`);
  }
  if (t === 'cluster' && clusters.length === 2) return 'twoway';
  if (clusters.length > 2) throw new OptionError(`at most two cluster variables are supported, got ${clusters.length}.`);
  return t;
}

/** Cluster codes on the estimation sample. */
export function clusterVars(df: DataFrame, names: readonly string[]): ClusterVar[] {
  return names.map((name) => {
    const f = factor(column(df, name));
    return { name, codes: f.codes, G: f.levels.length };
  });
}

export function clusterList(c: string | readonly string[] | undefined): string[] {
  if (!c) return [];
  return (typeof c === 'string' ? c.split(/[,+\s]+/) : [...c]).map((s) => s.trim()).filter(Boolean);
}

/** Prepared estimation sample (shared with other estimators). */
export interface Prepared {
  f: ParsedFormula;
  sample: Sample;
  dims: FixefDim[];
  singletons: number;
  weights?: Float64Array;
  clusters: string[];
}

/**
 * Parse, select rows, drop singletons (shared by feols and the panel estimators). `extra` names further
 * numeric columns of `data` (e.g. an offset) that must be present and finite on the estimation sample.
 */
export function prepare(formula: string | ParsedFormula, data: DataFrame, opts: FeolsOptions = {}, extra: readonly string[] = []): Prepared {
  const f = typeof formula === 'string' ? parseFormula(formula) : formula;
  const clusters = clusterList(opts.cluster);
  let work = data;
  let wName: string | undefined;
  if (opts.weights instanceof Float64Array) {
    wName = '(weights)';
    work = withColumn(data, wName, opts.weights);
  } else if (typeof opts.weights === 'string') wName = opts.weights;
  const exprs = formulaExprs(f);
  if (wName) exprs.push({ type: 'var', name: wName });
  for (const x of extra) exprs.push({ type: 'var', name: x });
  let sample = sampleRows(work, usedVariables(f, [...clusters, wName, ...extra]), exprs);
  let dims = buildFixef(sample.data, f.fixef);
  let singletons = 0;
  if (dims.length && opts.dropSingletons !== false) {
    const ds = dropSingletons(dims, sample.data.nrow);
    if (ds.dropped > 0) {
      sample = subSample(sample, ds.rows);
      dims = subsetFixef(dims, ds.rows);
      singletons = ds.dropped;
    }
  }
  if (sample.data.nrow === 0) throw new InputError(`no observations left for '${f.text}' after dropping missing values.`);
  const weights = wName ? numericColumn(sample.data, wName) : undefined;
  if (weights && weights.some((v) => v < 0)) throw new InputError(`weights '${wName}' have negative values.`);
  return { f, sample, dims, singletons, weights, clusters };
}

function wnorm(v: Float64Array, w?: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (w ? w[i] : 1) * v[i] * v[i];
  return Math.sqrt(s);
}

/** Estimate a linear model (OLS / FE / 2SLS); see the file comment for conventions. */
export function feols(formula: string | ParsedFormula, data: DataFrame, opts: FeolsOptions = {}): FeolsResult {
  const p = prepare(formula, data, opts);
  const { f, sample, dims, weights: w } = p;
  const df = sample.data;
  const N = df.nrow;
  const vtype = resolveVcov(opts.vcov, p.clusters);
  const hasFe = dims.length > 0;
  const y = evalExpr(f.lhs.expr, df);
  const X1 = buildColumns(f.terms, df, f.intercept, hasFe);
  const En = f.iv ? buildColumns(f.iv.endog, df, false, true) : { cols: [], names: [] };
  const In = f.iv ? buildColumns(f.iv.instruments, df, false, true) : { cols: [], names: [] };
  const all = [y, ...X1.cols, ...En.cols, ...In.cols];
  const refNorms = all.map((v) => wnorm(v, w));
  const dm = hasFe ? demean(all, dims, { weights: w, tol: opts.fixefTol, maxIter: opts.fixefMaxIter }) : { cols: all, iterations: [0], converged: true };
  const yd = dm.cols[0];
  const k1 = X1.cols.length;
  const ke = En.cols.length;
  const X1d = dm.cols.slice(1, 1 + k1);
  const Ed = dm.cols.slice(1 + k1, 1 + k1 + ke);
  const Zd = dm.cols.slice(1 + k1 + ke);
  const collinTol = opts.collinTol;

  // regressor order: intercept, endogenous, other exogenous
  const icpt = f.intercept ? 1 : 0;
  const order = [...X1d.slice(0, icpt), ...Ed, ...X1d.slice(icpt)];
  const orderOrig = [...X1.cols.slice(0, icpt), ...En.cols, ...X1.cols.slice(icpt)];
  const orderNames = [...X1.names.slice(0, icpt), ...En.names, ...X1.names.slice(icpt)];
  const orderRef = [...refNorms.slice(1, 1 + icpt), ...refNorms.slice(1 + k1, 1 + k1 + ke), ...refNorms.slice(1 + icpt, 1 + k1)];

  let Xreg = order;
  if (f.iv) {
    if (Zd.length < Ed.length) throw new InputError(`'${f.text}': ${Ed.length} endogenous variable(s) but only ${Zd.length} instrument(s).`);
    const Zfull = [...X1d, ...Zd];
    const zRef = [...refNorms.slice(1, 1 + k1), ...refNorms.slice(1 + k1 + ke)];
    const hats = Ed.map((e) => {
      const fs = olsFit(Zfull, e, { weights: w, refNorms: zRef, tol: collinTol });
      return fs.fitted;
    });
    Xreg = [...X1d.slice(0, icpt), ...hats, ...X1d.slice(icpt)];
  }
  const fit = olsFit(Xreg, yd, { names: orderNames, weights: w, refNorms: orderRef, tol: collinTol });
  const keptX = fit.keep.map((j) => Xreg[j]);
  let resid = fit.residuals;
  let ssr = fit.ssr;
  if (f.iv) {
    resid = Float64Array.from(yd);
    fit.keep.forEach((j, c) => {
      const col = order[j];
      const b = fit.coef[c];
      for (let i = 0; i < N; i++) resid[i] -= b * col[i];
    });
    ssr = 0;
    for (let i = 0; i < N; i++) ssr += (w ? w[i] : 1) * resid[i] * resid[i];
  }
  const k = fit.rank;
  const fd = fixefDof(dims);
  const cl = clusterVars(df, p.clusters);
  const nested = nestedFixef(dims, cl.map((c) => c.codes));
  // reghdfe counts the intercept that a nested first FE (all its levels counted, redundant 0) absorbed
  const interceptNested = opts.ssc?.k === 'reghdfe' && nested.some((q) => fd.redundant[q] === 0);
  const kFeNested = nested.reduce((s, q) => s + fd.sizes[q] - fd.redundant[q], 0) - (interceptNested ? 1 : 0);
  const vc = computeVcov({ X: keptX, residuals: resid, weights: w, bread: fit.xtxInv, nobs: N, kFe: fd.total, kFeNested }, vtype, cl);

  const coef: Record<string, number> = {};
  const se: Record<string, number> = {};
  const tstat: Record<string, number> = {};
  const pvalue: Record<string, number> = {};
  const vm: number[][] = [];
  fit.names.forEach((nm, a) => {
    coef[nm] = fit.coef[a];
    se[nm] = Math.sqrt(vc.V[a * k + a]);
    tstat[nm] = coef[nm] / se[nm];
    pvalue[nm] = pT2(tstat[nm], vc.dfT);
    vm.push(Array.from(vc.V.subarray(a * k, a * k + k)));
  });

  // fit statistics
  let sw = 0;
  let my = 0;
  for (let i = 0; i < N; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    my += wi * y[i];
  }
  my /= sw;
  const centred = f.intercept || hasFe;
  let tss = 0;
  let tssW = 0;
  for (let i = 0; i < N; i++) {
    const wi = w ? w[i] : 1;
    const d = centred ? y[i] - my : y[i];
    tss += wi * d * d;
    tssW += wi * yd[i] * yd[i];
  }
  const K = k + fd.total;
  const r2 = 1 - ssr / tss;
  const fitted = new Float64Array(N);
  for (let i = 0; i < N; i++) fitted[i] = y[i] - resid[i];

  let iv: FeolsResult['iv'];
  if (f.iv) {
    const sq = w ? Float64Array.from(w, Math.sqrt) : undefined;
    const part = (v: Float64Array): Float64Array => {
      const r = X1d.length ? olsFit(X1d, v, { weights: w, refNorms: refNorms.slice(1, 1 + k1), tol: collinTol }).residuals : Float64Array.from(v);
      if (sq) for (let i = 0; i < N; i++) r[i] *= sq[i];
      return r;
    };
    const kExog = X1d.length ? olsFit(X1d, yd, { weights: w, refNorms: refNorms.slice(1, 1 + k1), tol: collinTol }).rank : 0;
    iv = ivDiagnostics({
      Y: Ed.map(part),
      Z: Zd.map(part),
      endogNames: En.names,
      instrNames: In.names,
      nobs: N,
      kExog,
      kFe: fd.total,
      kFeNested,
      vcovType: vtype,
      clusters: cl,
    });
  }

  return {
    formula: f.text,
    depvar: f.lhs.label,
    names: fit.names,
    coef,
    se,
    tstat,
    pvalue,
    vcovMatrix: vm,
    vcovType: vtype,
    vcovNote: (f.iv ? '2SLS; ' : '') + vc.note,
    dfT: vc.dfT,
    nobs: N,
    dropped: { missing: sample.droppedMissing, nonFinite: sample.droppedNonFinite, singletons: p.singletons },
    collinear: fit.droppedNames,
    k,
    kFe: fd.total,
    kVcov: vc.K,
    dfResid: N - K,
    r2,
    adjR2: 1 - ((1 - r2) * (N - (centred ? 1 : 0))) / (N - K),
    r2Within: hasFe ? 1 - ssr / tssW : NaN,
    rmse: Math.sqrt(ssr / (w ? sw : N)),
    ssr,
    fixef: { names: dims.map((d) => d.name), sizes: fd.sizes, redundant: fd.redundant, iterations: Math.max(0, ...dm.iterations) },
    cluster: cl.length ? { names: cl.map((c) => c.name), G: cl.map((c) => c.G) } : undefined,
    iv,
    rows: sample.rows,
    residuals: resid,
    fitted,
    weighted: !!w,
  };
}
