/**
 * fepois (Poisson PPML with fixed effects) against independent references written here:
 *  - a plain Newton-Raphson Poisson GLM on the full dummy-variable design (dense normal equations solved by
 *    Gaussian elimination), with its own sandwich variances built from the full score vectors;
 *  - the closed form for one binary regressor (log ratio of group means, and its variances).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { fepois, frame, filterRows } from '../../src/econometrics/index.js';
import { regTable, renderRegTable } from '../../src/report/regtable/index.js';
import { register as registerRegress } from '../../src/cli/commands/regress.js';
import { mulberry32 } from '../../src/random.js';

// ---------------------------------------------------------------- reference Poisson GLM (dense Newton)

/** Solve A x = b (A n x n, copied) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      if (f !== 0) for (let j = c; j <= n; j++) M[r][j] -= f * M[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x;
}

function inverse(A: number[][]): number[][] {
  const n = A.length;
  const cols = Array.from({ length: n }, (_, j) => solve(A, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

interface Glm {
  beta: number[];
  mu: number[];
  /** Inverse information (X'WX)^-1 of the full design. */
  Ainv: number[][];
  iterations: number;
}

/** Poisson MLE by Newton steps on the full design (rows of X), optional prior weights and offset. */
function poissonNewton(X: number[][], y: number[], w?: number[], off?: number[]): Glm {
  const n = y.length;
  const p = X[0].length;
  const beta = new Array<number>(p).fill(0);
  let sy = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    sy += (w?.[i] ?? 1) * y[i];
    sw += w?.[i] ?? 1;
  }
  beta[0] = Math.log(sy / sw); // column 0 is an intercept or absorbs one (all designs below)
  const ll = (b: number[]) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let e = off?.[i] ?? 0;
      for (let j = 0; j < p; j++) e += X[i][j] * b[j];
      s += (w?.[i] ?? 1) * (y[i] * e - Math.exp(e));
    }
    return s;
  };
  let mu: number[] = [];
  let A: number[][] = [];
  let it = 0;
  for (; it < 200; it++) {
    mu = X.map((r, i) => Math.exp(r.reduce((s, v, j) => s + v * beta[j], off?.[i] ?? 0)));
    const g = new Array<number>(p).fill(0);
    A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      const wi = w?.[i] ?? 1;
      for (let a = 0; a < p; a++) {
        g[a] += wi * X[i][a] * (y[i] - mu[i]);
        for (let c = 0; c < p; c++) A[a][c] += wi * mu[i] * X[i][a] * X[i][c];
      }
    }
    const step = solve(A, g);
    let t = 1;
    const l0 = ll(beta);
    let cand = beta.map((b, j) => b + step[j]);
    while (ll(cand) < l0 - 1e-12 * Math.abs(l0) && t > 1e-6) {
      t /= 2;
      cand = beta.map((b, j) => b + t * step[j]);
    }
    for (let j = 0; j < p; j++) beta[j] = cand[j];
    if (Math.max(...step.map(Math.abs)) < 1e-13) break;
  }
  mu = X.map((r, i) => Math.exp(r.reduce((s, v, j) => s + v * beta[j], off?.[i] ?? 0)));
  return { beta, mu, Ainv: inverse(A), iterations: it };
}

/** Sandwich Ainv (sum_g S_g S_g') Ainv on the full design, S_g the summed scores w (y - mu) x of group g. */
function refSandwich(X: number[][], y: number[], g: Glm, groups: readonly (string | number)[], w?: number[]): number[][] {
  const p = X[0].length;
  const S = new Map<string | number, number[]>();
  X.forEach((r, i) => {
    const u = (w?.[i] ?? 1) * (y[i] - g.mu[i]);
    const s = S.get(groups[i]) ?? new Array<number>(p).fill(0);
    for (let a = 0; a < p; a++) s[a] += u * r[a];
    S.set(groups[i], s);
  });
  const M = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const s of S.values()) for (let a = 0; a < p; a++) for (let c = 0; c < p; c++) M[a][c] += s[a] * s[c];
  const B = g.Ainv;
  const T = B.map((r) => Array.from({ length: p }, (_, c) => r.reduce((acc, v, l) => acc + v * M[l][c], 0)));
  return T.map((r) => Array.from({ length: p }, (_, c) => r.reduce((acc, v, l) => acc + v * B[l][c], 0)));
}

/** Dummy columns for the levels of a factor, optionally without the first level. */
function dummies(v: readonly string[], dropFirst: boolean): number[][] {
  const levels = [...new Set(v)];
  const used = dropFirst ? levels.slice(1) : levels;
  return v.map((x) => used.map((l) => (x === l ? 1 : 0)));
}

// ---------------------------------------------------------------- data

function rng(seed: number) {
  const u = mulberry32(seed);
  const n = () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
  const pois = (lam: number) => {
    // inversion, fine for the moderate means used here
    let k = 0;
    let p = Math.exp(-lam);
    let s = p;
    const v = u();
    while (v > s && k < 1000) {
      k++;
      p *= lam / k;
      s += p;
    }
    return k;
  };
  return { u, n, pois };
}

/** Unbalanced panel: 12 ids x 7 years, ~15% rows removed; integer Poisson outcome with zeros. */
function panel(seed = 3) {
  const r = rng(seed);
  const id: string[] = [], year: string[] = [], x1: number[] = [], x2: number[] = [], d: number[] = [], expo: number[] = [], y: number[] = [], wt: number[] = [];
  const a = Array.from({ length: 12 }, () => 0.6 * r.n());
  const g = Array.from({ length: 7 }, () => 0.4 * r.n());
  for (let i = 0; i < 12; i++)
    for (let t = 0; t < 7; t++) {
      if (r.u() < 0.15) continue;
      const u1 = r.n() + 0.5 * a[i];
      const u2 = r.u();
      const e = 0.5 + 2 * r.u();
      id.push(`f${i}`);
      year.push(`y${2000 + t}`);
      x1.push(u1);
      x2.push(u2);
      d.push(r.u() < 0.4 ? 1 : 0);
      expo.push(e);
      wt.push(0.5 + r.u());
      y.push(r.pois(e * Math.exp(0.3 + 0.4 * u1 - 0.7 * u2 + a[i] + g[t])));
    }
  return { id, year, x1, x2, d, expo, y, wt };
}

const P = panel();
const df = frame({ id: P.id, year: P.year, x1: P.x1, x2: P.x2, d: P.d, expo: P.expo, y: P.y, wt: P.wt });
const N = P.y.length;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

// ---------------------------------------------------------------- tests

describe('fepois without fixed effects = Newton Poisson GLM', () => {
  const X = P.x1.map((v, i) => [1, v, P.x2[i]]);
  const ref = poissonNewton(X, P.y);

  it('coefficients to 1e-8 and iid SE = inverse information', () => {
    const r = fepois('y ~ x1 + x2', df, { vcov: 'iid' });
    expect(r.converged).toBe(true);
    expect(r.names).toEqual(['(Intercept)', 'x1', 'x2']);
    r.names.forEach((nm, j) => {
      expect(Math.abs(r.coef[nm] - ref.beta[j])).toBeLessThan(1e-8);
      expect(rel(r.se[nm], Math.sqrt(ref.Ainv[j][j]))).toBeLessThan(1e-7);
    });
    expect(r.nobs).toBe(N);
    expect(r.dfT).toBe(Infinity);
    expect(r.fitted.length).toBe(N);
    // deviance and log-likelihood agree with the reference mu
    let dev = 0;
    P.y.forEach((yi, i) => (dev += 2 * ((yi > 0 ? yi * Math.log(yi / ref.mu[i]) : 0) - (yi - ref.mu[i]))));
    expect(rel(r.deviance, dev)).toBeLessThan(1e-9);
    expect(r.pseudoR2).toBeGreaterThan(0);
    expect(r.pseudoR2).toBeLessThan(1);
  });

  it('HC1: fixest N/(N-K) and ppmlhdfe N/(N-1) factors on the reference sandwich', () => {
    const V = refSandwich(X, P.y, ref, P.y.map((_, i) => i));
    const a = fepois('y ~ x1 + x2', df, { vcov: 'hc1' });
    const b = fepois('y ~ x1 + x2', df, { vcov: 'hc1', ssc: 'ppmlhdfe' });
    a.names.forEach((nm, j) => {
      expect(rel(a.se[nm], Math.sqrt((V[j][j] * N) / (N - 3)))).toBeLessThan(1e-7);
      expect(rel(b.se[nm], Math.sqrt((V[j][j] * N) / (N - 1)))).toBeLessThan(1e-7);
    });
    expect(a.kVcov).toBe(3);
  });

  it('prior weights and an offset equal the weighted / offset Newton GLM', () => {
    const off = P.expo.map(Math.log);
    const rw = poissonNewton(X, P.y, P.wt, off);
    const r = fepois('y ~ x1 + x2', df, { vcov: 'iid', weights: 'wt', offset: Float64Array.from(off) });
    expect(r.weighted).toBe(true);
    expect(r.offset).toBe(true);
    r.names.forEach((nm, j) => {
      expect(Math.abs(r.coef[nm] - rw.beta[j])).toBeLessThan(1e-8);
      expect(rel(r.se[nm], Math.sqrt(rw.Ainv[j][j]))).toBeLessThan(1e-7);
    });
  });
});

describe('closed form: one binary regressor', () => {
  it('slope = log ratio of group means, intercept = log mean of the d = 0 group, with their variances', () => {
    // non-integer outcome (pseudo-likelihood) on purpose
    const yy = P.y.map((v, i) => v + 0.25 * (i % 3));
    const data = frame({ d: P.d, y: yy });
    let n1 = 0, n0 = 0, s1 = 0, s0 = 0;
    yy.forEach((v, i) => (P.d[i] ? ((n1 += 1), (s1 += v)) : ((n0 += 1), (s0 += v))));
    const m1 = s1 / n1, m0 = s0 / n0;
    const iid = fepois('y ~ d', data, { vcov: 'iid' });
    expect(Math.abs(iid.coef.d - Math.log(m1 / m0))).toBeLessThan(1e-8);
    expect(Math.abs(iid.coef['(Intercept)'] - Math.log(m0))).toBeLessThan(1e-8);
    expect(rel(iid.se.d, Math.sqrt(1 / (n1 * m1) + 1 / (n0 * m0)))).toBeLessThan(1e-8);
    // HC0: sum (y - m_g)^2 / (n_g m_g)^2 per group
    let q1 = 0, q0 = 0;
    yy.forEach((v, i) => (P.d[i] ? (q1 += (v - m1) ** 2) : (q0 += (v - m0) ** 2)));
    const hc0 = fepois('y ~ d', data, { vcov: 'hc0' });
    expect(rel(hc0.se.d, Math.sqrt(q1 / (n1 * m1) ** 2 + q0 / (n0 * m0) ** 2))).toBeLessThan(1e-8);
    // a tighter IRLS tolerance reaches the closed form to rounding level
    const tight = fepois('y ~ d', data, { vcov: 'iid', tol: 1e-14 });
    expect(Math.abs(tight.coef.d - Math.log(m1 / m0))).toBeLessThan(1e-12);
  });
});

describe('fepois with fixed effects = dummy-variable Newton Poisson GLM', () => {
  it('one FE: coefficients to 1e-7; iid, HC1 and clustered SE with the documented factors', () => {
    const D = dummies(P.id, false);
    const L = D[0].length;
    const X = P.x1.map((v, i) => [...D[i], v, P.x2[i]]); // FE dummies first (column 0 absorbs the level of f0)
    const ref = poissonNewton(X, P.y);
    const jx = [L, L + 1];
    const iid = fepois('y ~ x1 + x2 | id', df, { vcov: 'iid' });
    expect(iid.names).toEqual(['x1', 'x2']);
    iid.names.forEach((nm, a) => {
      expect(Math.abs(iid.coef[nm] - ref.beta[jx[a]])).toBeLessThan(1e-7);
      expect(rel(iid.se[nm], Math.sqrt(ref.Ainv[jx[a]][jx[a]]))).toBeLessThan(1e-6);
    });
    expect(iid.kFe).toBe(L);
    const Vh = refSandwich(X, P.y, ref, P.y.map((_, i) => i));
    const hc1 = fepois('y ~ x1 + x2 | id', df, { vcov: 'hc1' });
    const K = 2 + L;
    hc1.names.forEach((nm, a) => expect(rel(hc1.se[nm], Math.sqrt((Vh[jx[a]][jx[a]] * N) / (N - K)))).toBeLessThan(1e-6));
    // clustered by id: the FE is nested in the cluster, so fixest's K = 2 slopes only
    const Vc = refSandwich(X, P.y, ref, P.id);
    const G = L;
    const cf = fepois('y ~ x1 + x2 | id', df, { cluster: 'id' });
    const cp = fepois('y ~ x1 + x2 | id', df, { cluster: 'id', ssc: 'ppmlhdfe' });
    expect(cf.kVcov).toBe(2);
    cf.names.forEach((nm, a) => {
      const v = Vc[jx[a]][jx[a]] * (G / (G - 1));
      expect(rel(cf.se[nm], Math.sqrt((v * (N - 1)) / (N - 2)))).toBeLessThan(1e-6);
      expect(rel(cp.se[nm], Math.sqrt(v))).toBeLessThan(1e-6);
      expect(cf.pvalue[nm]).toBeGreaterThanOrEqual(0);
    });
  });

  it('two FE: coefficients to 1e-7; iid and clustered SE (FE nested in the cluster not counted)', () => {
    const Di = dummies(P.id, false);
    const Dy = dummies(P.year, true);
    const X = P.x1.map((v, i) => [...Di[i], ...Dy[i], v, P.x2[i]]);
    const p = X[0].length;
    const ref = poissonNewton(X, P.y);
    const jx = [p - 2, p - 1];
    const r = fepois('y ~ x1 + x2 | id + year', df, { vcov: 'iid' });
    expect(r.kFe).toBe(p - 2);
    r.names.forEach((nm, a) => {
      expect(Math.abs(r.coef[nm] - ref.beta[jx[a]])).toBeLessThan(1e-7);
      expect(rel(r.se[nm], Math.sqrt(ref.Ainv[jx[a]][jx[a]]))).toBeLessThan(1e-6);
    });
    const Vc = refSandwich(X, P.y, ref, P.id);
    const G = Di[0].length;
    const Kc = p - G; // slopes + year FE dof (id FE nested in the id cluster)
    const cf = fepois('y ~ x1 + x2 | id + year', df, { cluster: 'id' });
    expect(cf.kVcov).toBe(Kc);
    cf.names.forEach((nm, a) => expect(rel(cf.se[nm], Math.sqrt(((Vc[jx[a]][jx[a]] * G) / (G - 1)) * ((N - 1) / (N - Kc))))).toBeLessThan(1e-6));
    // the regression table accepts the result
    const txt = renderRegTable(regTable([cf]), 'text');
    expect(txt).toMatch(/x1/);
    expect(txt).toMatch(/id FE/);
    // McFadden pseudo R2 = 1 - logLik / logLik(null), printed with 3 decimals; no OLS R2 row
    expect(cf.pseudoR2).toBeGreaterThan(0);
    expect(txt).toContain(`Pseudo R2`);
    expect(txt).toContain(cf.pseudoR2.toFixed(3));
    expect(txt).not.toMatch(/^R2 /m);
  });

  it('two FE with weights and an offset column', () => {
    const Di = dummies(P.id, false);
    const Dy = dummies(P.year, true);
    const X = P.x1.map((v, i) => [...Di[i], ...Dy[i], v, P.x2[i]]);
    const p = X[0].length;
    const ref = poissonNewton(X, P.y, P.wt, P.expo.map(Math.log));
    const data = frame({ ...df.columns, lexpo: Float64Array.from(P.expo, Math.log) } as Record<string, Float64Array | string[]>);
    const r = fepois('y ~ x1 + x2 | id + year', data, { vcov: 'iid', weights: 'wt', offset: 'lexpo' });
    expect(Math.abs(r.coef.x1 - ref.beta[p - 2])).toBeLessThan(1e-7);
    expect(Math.abs(r.coef.x2 - ref.beta[p - 1])).toBeLessThan(1e-7);
  });
});

describe('separation and input checks', () => {
  it('an FE group whose outcome is all zero is dropped, counted, and does not change the estimates', () => {
    const y = P.y.map((v, i) => (P.id[i] === 'f4' ? 0 : v));
    const nf4 = P.id.filter((v) => v === 'f4').length;
    const data = frame({ ...df.columns, y } as Record<string, Float64Array | string[] | number[]>);
    const r = fepois('y ~ x1 + x2 | id + year', data, { vcov: 'hc1' });
    expect(r.dropped.separatedFe).toBe(nf4);
    expect(r.dropped.separated).toBe(nf4);
    expect(r.nobs).toBe(N - nf4);
    const ids = P.id;
    const without = fepois('y ~ x1 + x2 | id + year', filterRows(data, (i) => ids[i] !== 'f4'), { vcov: 'hc1' });
    expect(without.dropped.separated).toBe(0);
    expect(Math.abs(r.coef.x1 - without.coef.x1)).toBeLessThan(1e-10);
    expect(rel(r.se.x2, without.se.x2)).toBeLessThan(1e-9);
    expect(Array.from(r.rows)).not.toContain(P.id.indexOf('f4'));
  });

  it('a regressor that is zero wherever y > 0 separates the y = 0 rows where it is positive', () => {
    const zeroRows = P.y.map((v, i) => (v === 0 ? i : -1)).filter((i) => i >= 0);
    expect(zeroRows.length).toBeGreaterThan(3);
    const flagged = new Set(zeroRows.slice(0, 3));
    const s = P.y.map((_, i) => (flagged.has(i) ? 1 + i / 100 : 0));
    const data = frame({ ...df.columns, s } as Record<string, Float64Array | string[] | number[]>);
    const r = fepois('y ~ x1 + x2 + s | id + year', data, { vcov: 'iid' });
    expect(r.dropped.separatedRegressor).toBe(3);
    expect(r.separatedBy).toEqual(['s']);
    expect(r.collinear).toEqual(['s']);
    const base = fepois('y ~ x1 + x2 | id + year', filterRows(df, (i) => !flagged.has(i)), { vcov: 'iid' });
    expect(Math.abs(r.coef.x1 - base.coef.x1)).toBeLessThan(1e-9);
  });

  it('rejects a negative outcome naming the variable and the row', () => {
    const y = P.y.map((v, i) => (i === 6 ? -2 : v));
    const data = frame({ ...df.columns, y } as Record<string, Float64Array | string[] | number[]>);
    expect(() => fepois('y ~ x1 | id', data)).toThrow(/'y'.*row 7/);
  });

  it('rejects cluster_plm and IV formulas', () => {
    expect(() => fepois('y ~ x1 | id', df, { vcov: 'cluster_plm', cluster: 'id' })).toThrow(/cluster_plm/);
    expect(() => fepois('y ~ x1 | id | x2 ~ d', df)).toThrow(/instrumental/);
  });
});

describe('gvc regress --model poisson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gvc-fepois-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'p.csv');
  writeFileSync(path, 'id,year,x1,x2,y\n' + P.y.map((v, i) => `${P.id[i]},${P.year[i]},${P.x1[i]},${P.x2[i]},${v}`).join('\n') + '\n');

  async function run(args: string[]): Promise<string> {
    const program = new Command();
    program.exitOverride();
    registerRegress(program);
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      await program.parseAsync(['node', 'gvc', 'regress', path, ...args]);
    } finally {
      process.stdout.write = write;
    }
    return out;
  }

  it('prints JSON with model, coef, se, nobs and vcov equal to fepois', async () => {
    const j = JSON.parse(await run(['y ~ x1 + x2 | id + year', '--model', 'poisson', '--cluster', 'id', '--json'])) as Record<string, unknown>;
    const r = fepois('y ~ x1 + x2 | id + year', df, { cluster: 'id' });
    expect(j.model).toBe('poisson');
    expect(j.coef).toEqual(r.coef);
    expect(j.se).toEqual(r.se);
    expect(j.nobs).toBe(N);
    expect(j.vcov).toMatch(/clustered by id/);
    const alias = JSON.parse(await run(['y ~ x1 + x2 | id + year', '--family', 'poisson', '--cluster', 'id', '--ssc', 'ppmlhdfe', '--json'])) as Record<string, unknown>;
    expect(alias.coef).toEqual(r.coef);
    expect(alias.ssc).toBe('ppmlhdfe');
    const ols = JSON.parse(await run(['y ~ x1 + x2 | id + year', '--json'])) as Record<string, unknown>;
    expect(ols.model).toBe('ols');
  });

  it('prints a table with the PPML notes', async () => {
    const txt = await run(['y ~ x1 + x2 | id + year', '--model', 'poisson']);
    expect(txt).toMatch(/x1/);
    expect(txt).toMatch(/Poisson PPML: deviance/);
  });
});
