/** The final regression of a threshold model at the selected thresholds, with regime labels and SEs. */
import { crossprod, regimeColumns, type Design } from './search.js';
import { linalg, matrix } from '../../linalg/index.js';
import { tPValue, zPValue } from '../dist.js';
import type { CoefRow, RegimeInfo, ThresholdFinal, ThresholdVce } from './types.js';

function fmtG(g: number): string {
  return String(Number(g.toPrecision(6)));
}

export function finalModel(
  d: Design,
  y: Float64Array,
  fixed: number[],
  names: { x: string; q: string; z: string[] },
  vce: ThresholdVce,
): ThresholdFinal {
  const { n } = d;
  const cuts = fixed.map((j) => d.values[j]);
  let cols = [...d.z, ...regimeColumns(d, fixed)];
  // rows that enter the fit (all, or without each unit's last period in Hansen's program)
  const T = d.dropLast ? d.T - 1 : d.T;
  const N = n * T;
  if (d.dropLast) {
    const sub = (v: Float64Array): Float64Array => {
      const o = new Float64Array(N);
      for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) o[i * T + t] = v[i * d.T + t];
      return o;
    };
    cols = cols.map(sub);
    y = sub(y);
  }
  const K = cols.length;
  const labels = [...names.z];
  const regimes: RegimeInfo[] = [];
  for (let r = 0; r <= cuts.length; r++) {
    const lower = r === 0 ? -Infinity : cuts[r - 1];
    const upper = r === cuts.length ? Infinity : cuts[r];
    let label: string;
    if (cuts.length === 0) label = names.x;
    else if (r === 0) label = `${names.x}[${names.q}<=${fmtG(upper)}]`;
    else if (r === cuts.length) label = `${names.x}[${names.q}>${fmtG(lower)}]`;
    else label = `${names.x}[${fmtG(lower)}<${names.q}<=${fmtG(upper)}]`;
    let cnt = 0;
    for (let k = 0; k < d.N; k++) if (d.q[k] > lower && d.q[k] <= upper) cnt++;
    regimes.push({ label, lower, upper, nobs: cnt });
    labels.push(label);
  }
  const G = crossprod(cols, N);
  const Ginv = linalg().inverse(matrix(K, K, G)).data;
  const Xy = new Float64Array(K);
  for (let a = 0; a < K; a++) {
    let s = 0;
    for (let k = 0; k < N; k++) s += cols[a][k] * y[k];
    Xy[a] = s;
  }
  const beta = new Float64Array(K);
  for (let a = 0; a < K; a++) {
    let s = 0;
    for (let b = 0; b < K; b++) s += Ginv[a * K + b] * Xy[b];
    beta[a] = s;
  }
  const e = y.slice();
  for (let a = 0; a < K; a++) for (let k = 0; k < N; k++) e[k] -= beta[a] * cols[a][k];
  let ssr = 0;
  let tss = 0;
  for (let k = 0; k < N; k++) {
    ssr += e[k] * e[k];
    tss += y[k] * y[k];
  }
  const df = d.dropLast ? N - K : N - n - (d.effects === 'twoway' ? T - 1 : 0) - K;
  const s2 = ssr / df;
  // meat matrices
  const meatW = new Float64Array(K * K);
  const xo = new Float64Array(K);
  for (let k = 0; k < N; k++) {
    const e2 = e[k] * e[k];
    for (let a = 0; a < K; a++) xo[a] = cols[a][k];
    for (let a = 0; a < K; a++) {
      const va = xo[a] * e2;
      for (let b = a; b < K; b++) meatW[a * K + b] += va * xo[b];
    }
  }
  for (let a = 0; a < K; a++) for (let b = 0; b < a; b++) meatW[a * K + b] = meatW[b * K + a];
  const meatC = new Float64Array(K * K);
  const sc = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    sc.fill(0);
    for (let t = 0; t < T; t++) {
      const k = i * T + t;
      for (let a = 0; a < K; a++) sc[a] += cols[a][k] * e[k];
    }
    for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) meatC[a * K + b] += sc[a] * sc[b];
  }
  const sandwich = (meat: Float64Array): Float64Array => {
    const tmp = linalg().gemm(matrix(K, K, Ginv), matrix(K, K, meat));
    return linalg().gemm(tmp, matrix(K, K, Ginv)).data;
  };
  const Vw = sandwich(meatW);
  const Vc = sandwich(meatC);
  const G1 = n;
  const cr1 = (G1 / (G1 - 1)) * ((N - 1) / (N - (d.effects === 'twoway' ? T - 1 : 0) - K - (d.dropLast ? 0 : 1)));
  const coef: CoefRow[] = [];
  for (let a = 0; a < K; a++) {
    const seClassical = Math.sqrt(s2 * Ginv[a * K + a]);
    const seWhite = Math.sqrt(Vw[a * K + a]);
    let se: number;
    let tdf: number;
    switch (vce) {
      case 'classical':
        se = seClassical;
        tdf = df;
        break;
      case 'white':
        se = seWhite;
        tdf = Infinity;
        break;
      case 'hc1':
        se = seWhite * Math.sqrt(N / df);
        tdf = df;
        break;
      case 'cluster':
        se = Math.sqrt(Vc[a * K + a] * cr1);
        tdf = G1 - 1;
        break;
    }
    const t = beta[a] / se;
    coef.push({ name: labels[a], estimate: beta[a], se, t, p: Number.isFinite(tdf) ? tPValue(t, tdf) : zPValue(t), seClassical, seWhite });
  }
  return { thresholds: cuts, coef, regimes, ssr, r2within: 1 - ssr / tss, df, vce };
}
