/**
 * Closed forms vs the explicit-matrix numeric model (spec `deglobalization` 1.3, 1.4, 1.6 and section 6):
 * relative agreement 1e-12 over a grid of (N, omega, mu, v), identities, singular points, finite differences.
 */
import { describe, expect, it } from 'vitest';
import { NumericalError, OptionError } from '../../src/errors.js';
import { identity, linalg, maxDiff, rowSums, colSums, type Matrix } from '../../src/linalg/index.js';
import {
  dTdMu,
  dTdV,
  dfdMu,
  dfdOmega,
  dfdV,
  exportGapMultiplier,
  exportShare,
  exportsFromOutput,
  exportsPerAbsorption,
  gvcpFromAbsorptionShare,
  gvcpFromExports,
  gvcpFromOutputShare,
  gvcpKpwwSymmetric,
  gvcpSymmetric,
  leontiefInverseClosed,
  leontiefScalars,
  numericF,
  numericRT,
  outputFromAbsorption,
  outputShareFromAbsorptionShare,
  absorptionShareFromOutputShare,
  solveNumeric,
  staticsAbsorptionFixed,
  staticsOutputFixed,
  technicalCoefficients,
  type DeglobParams,
} from '../../src/model/deglob/index.js';

const TOL = 1e-12;

/** Relative closeness |a-b| <= tol * max(|a|, |b|) (exact zeros must match exactly). */
function close(a: number, b: number, tol = TOL, what = ''): void {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > tol * scale) throw new Error(`${what}: ${a} vs ${b} (rel ${Math.abs(a - b) / scale})`);
}

/** A positive, uneven absorption vector of length n. */
function unevenG(n: number): Float64Array {
  const G = new Float64Array(n);
  for (let i = 0; i < n; i++) G[i] = 0.4 + ((i * 37) % 11) / 7;
  return G;
}

function iMinus(A: Matrix): Matrix {
  const M = identity(A.rows);
  for (let k = 0; k < M.data.length; k++) M.data[k] -= A.data[k];
  return M;
}

const MUS = [0, 0.1, 0.35, 0.6, 0.9, 0.99, 1];
const VS = [0.05, 0.33, 0.7, 1];

describe('closed-form Leontief inverse (spec 1.3)', () => {
  it('equals the generic LU inverse for N in {2, 3, 7, 20, 50, 200} over a (mu, v) grid', () => {
    for (const N of [2, 3, 7, 20, 50, 200]) {
      const mus = N === 200 ? [0, 0.35, 0.9, 1] : MUS;
      for (const mu of mus) {
        for (const v of VS) {
          const p = { N, mu, v };
          const Bc = leontiefInverseClosed(p);
          const Bn = linalg().inverse(iMinus(technicalCoefficients(p)));
          expect(maxDiff(Bc.data, Bn.data).rel).toBeLessThanOrEqual(TOL);
          // (I - A) B_closed = I
          const I = linalg().gemm(iMinus(technicalCoefficients(p)), Bc);
          expect(maxDiff(I.data, identity(N).data).abs).toBeLessThanOrEqual(TOL);
          // columns of v B sum to 1; R + (N-1)T = 1; R - T = (N-1)v/D
          for (const s of colSums(Bc)) expect(Math.abs(v * s - 1)).toBeLessThanOrEqual(TOL);
          const { D, R, T } = leontiefScalars(p);
          expect(Math.abs(R + (N - 1) * T - 1)).toBeLessThanOrEqual(TOL);
          close(R - T, ((N - 1) * v) / D, TOL, 'R - T');
          expect(D).toBeGreaterThanOrEqual((N - 1) * v * (1 - 1e-15));
          expect(R).toBeGreaterThan(0);
          expect(T).toBeGreaterThanOrEqual(0);
          const rt = numericRT(solveNumeric({ ...p, omega: 0.5 }));
          close(rt.R, R, TOL, 'R');
          if (T > 0) close(rt.T, T, TOL, 'T');
          else expect(rt.T).toBe(0);
        }
      }
    }
  });
});

describe('GVCP and exports: closed forms equal the numeric model (spec 1.4-1.6, section 6)', () => {
  const OMEGAS = [0, 0.1, 0.3, 0.5, 0.7, 0.95, 1];
  /** Points where nobody exports (mu(1-v) + v omega = 1) are skipped here and tested below. */
  const trades = (p: DeglobParams) => 1 - p.mu * (1 - p.v) - p.v * p.omega > 1e-9;

  it('symmetric equilibrium: GVCP = 2(N-1)T, GVCP_kpww and Ex/G closed forms', () => {
    let count = 0;
    for (const N of [2, 3, 7, 20, 50]) {
      for (const omega of OMEGAS) {
        for (const mu of MUS) {
          for (const v of VS) {
            const p = { N, omega, mu, v };
            if (!trades(p)) continue;
            const m = solveNumeric(p);
            for (let i = 0; i < N; i++) {
              close(m.gvcp_vs1[i], gvcpSymmetric(p), TOL, `gvcp ${JSON.stringify(p)}`);
              close(m.gvcp_kpww[i], gvcpKpwwSymmetric(p), TOL, `kpww ${JSON.stringify(p)}`);
              close(m.Ex[i] / m.G[i], exportsPerAbsorption(p), TOL, 'Ex/G');
            }
            count++;
          }
        }
      }
    }
    expect(count).toBeGreaterThan(900);
  });

  it('uneven absorption: X, Ex, export shares, x-form, g-form, eq. 13 and f, over the grid', () => {
    for (const N of [2, 3, 7, 20, 50]) {
      const G = unevenG(N);
      const sG = G.reduce((a, b) => a + b, 0);
      for (const omega of OMEGAS) {
        for (const mu of MUS) {
          for (const v of VS) {
            const p = { N, omega, mu, v };
            if (!trades(p)) continue;
            const tag = JSON.stringify(p);
            const m = solveNumeric(p, { G });
            // X = B y and eq. (15); Ex from eq. (14)
            const Xc = outputFromAbsorption(p, G);
            expect(maxDiff(m.X, Xc).rel).toBeLessThanOrEqual(TOL);
            const Exc = exportsFromOutput(p, m.X, G);
            for (let i = 0; i < N; i++) close(m.Ex[i], Exc[i], 1e-11, `Ex ${tag}`);
            // sum DVX = sum FVA; FVA = (N-1) T Ex_i; DVX = T sum_{j != i} Ex_j
            const sumDVX = m.DVX_vs1.reduce((a, b) => a + b, 0);
            const sumFVA = m.FVA.reduce((a, b) => a + b, 0);
            if (sumFVA > 0) close(sumDVX, sumFVA, TOL, 'sum DVX = sum FVA');
            const singular = Math.abs(N * omega - 1) < 1e-12;
            for (let i = 0; i < N; i++) {
              const g = G[i] / sG;
              const gv = m.gvcp_vs1[i];
              if (gv === 0) {
                expect(gvcpFromAbsorptionShare(p, g)).toBe(0);
                continue;
              }
              close(gv, gvcpFromAbsorptionShare(p, g), TOL, `g-form ${tag}`);
              close(gv, gvcpFromExports(p, m.Ex, i), TOL, `eq. 13 ${tag}`);
              close(m.x[i], outputShareFromAbsorptionShare(p, g), TOL, `x(g) ${tag}`);
              if (singular) {
                expect(() => gvcpFromOutputShare(p, m.x[i])).toThrow(NumericalError);
                expect(() => exportShare(p, m.x[i])).toThrow(NumericalError);
              } else {
                close(gv, gvcpFromOutputShare(p, m.x[i]), TOL, `x-form ${tag}`);
                close(m.export_share[i], exportShare(p, m.x[i]), TOL, `export share ${tag}`);
                close(absorptionShareFromOutputShare(p, m.x[i]), g, 1e-10, `g(x) ${tag}`);
              }
            }
            // Ex_i - Ex_j = f (X_i - X_j)
            if (!singular) {
              const f = exportGapMultiplier(p);
              for (let i = 1; i < N; i++) {
                const lhs = m.Ex[0] - m.Ex[i];
                const rhs = f * (m.X[0] - m.X[i]);
                expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m.Ex[0])));
              }
            }
          }
        }
      }
    }
  });

  it('N = 200 with uneven absorption agrees to 1e-12 as well', () => {
    const N = 200;
    const G = unevenG(N);
    const sG = G.reduce((a, b) => a + b, 0);
    for (const [omega, mu, v] of [
      [0.7, 0.6, 0.33],
      [0.2, 0.9, 0.05],
      [0.99, 0.1, 0.7],
    ]) {
      const p = { N, omega, mu, v };
      const m = solveNumeric(p, { G });
      for (let i = 0; i < N; i++) {
        close(m.gvcp_vs1[i], gvcpFromAbsorptionShare(p, G[i] / sG), TOL, 'g-form N=200');
        close(m.gvcp_vs1[i], gvcpFromOutputShare(p, m.x[i]), TOL, 'x-form N=200');
      }
      close(solveNumeric(p).gvcp_kpww[0], gvcpKpwwSymmetric(p), TOL, 'kpww N=200');
    }
  });

  it('GVCP does not change when omega changes with G fixed', () => {
    const G = unevenG(7);
    const base = solveNumeric({ N: 7, omega: 0.7, mu: 0.6, v: 0.33 }, { G }).gvcp_vs1;
    for (const omega of [0, 0.05, 1 / 7, 0.4, 0.9, 1]) {
      const m = solveNumeric({ N: 7, omega, mu: 0.6, v: 0.33 }, { G });
      expect(maxDiff(m.gvcp_vs1, base).rel).toBeLessThanOrEqual(TOL);
    }
  });

  it('gross output held fixed: the implied absorption reproduces X', () => {
    const p = { N: 5, omega: 0.8, mu: 0.5, v: 0.4 };
    const X = [3, 2, 2.5, 2, 2];
    const m = solveNumeric(p, { X });
    expect(maxDiff(m.X, X).rel).toBeLessThanOrEqual(TOL);
    const sX = X.reduce((a, b) => a + b, 0);
    close(m.gvcp_vs1[0], gvcpFromOutputShare(p, X[0] / sX), TOL, 'x-form with X fixed');
    expect(rowSums(m.Yfd)).toHaveLength(5);
  });
});

describe('singular points and the domain', () => {
  it('omega = 1/N: f, the x-form and the export share raise NumericalError, never Inf/NaN', () => {
    for (const N of [2, 4, 7, 10]) {
      const p = { N, omega: 1 / N, mu: 0.5, v: 0.4 };
      expect(() => exportGapMultiplier(p)).toThrow(NumericalError);
      expect(() => dfdOmega(p)).toThrow(NumericalError);
      expect(() => gvcpFromOutputShare(p, 0.3)).toThrow(NumericalError);
      expect(() => numericF(p)).toThrow(NumericalError);
      expect(() => staticsOutputFixed(p, 0.3)).toThrow(NumericalError);
    }
  });

  it('omega = x_i (a country that does not export) raises NumericalError', () => {
    expect(() => gvcpFromOutputShare({ N: 7, omega: 0.7, mu: 0.6, v: 0.33 }, 0.7)).toThrow(NumericalError);
  });

  it('no trade at all (omega = 1 and mu = 1) is an error in the numeric model', () => {
    expect(() => solveNumeric({ N: 3, omega: 1, mu: 1, v: 0.3 })).toThrow(NumericalError);
    expect(() => gvcpKpwwSymmetric({ N: 3, omega: 1, mu: 0.5, v: 1 })).toThrow(NumericalError);
  });

  it('parameters outside the domain are refused with one-line OptionErrors', () => {
    const ok = { N: 7, omega: 0.7, mu: 0.6, v: 0.33 };
    for (const bad of [{ N: 1 }, { N: 2.5 }, { omega: -0.1 }, { omega: 1.2 }, { mu: -1e-9 }, { mu: 1.01 }, { v: 0 }, { v: 1.5 }, { v: NaN }]) {
      const p = { ...ok, ...bad };
      expect(() => solveNumeric(p)).toThrow(OptionError);
      expect(() => gvcpKpwwSymmetric(p)).toThrow(OptionError);
      // The symmetric VS1 GVCP does not involve omega, so only N, mu and v are checked there.
      if (!('omega' in bad)) expect(() => gvcpSymmetric(p)).toThrow(OptionError);
    }
    expect(() => solveNumeric(ok, { G: [1, 2] })).toThrow(OptionError);
    expect(() => solveNumeric(ok, { G: [1, 1, 1, 1, 1, 1, -1] })).toThrow(OptionError);
  });
});

describe('finite differences of the numeric model equal the closed-form derivatives (spec 6)', () => {
  const h = 1e-6;
  const FD_TOL = 1e-5;
  const points: DeglobParams[] = [
    { N: 7, omega: 0.7, mu: 0.6, v: 0.33 },
    { N: 3, omega: 0.2, mu: 0.3, v: 0.5 },
    { N: 20, omega: 0.9, mu: 0.8, v: 0.2 },
    { N: 7, omega: 0.1, mu: 0.5, v: 0.4 },
    { N: 2, omega: 0.3, mu: 0.7, v: 0.6 },
  ];
  const fd = (f: (t: number) => number, t: number) => (f(t + h) - f(t - h)) / (2 * h);

  it('dT/dmu, dT/dv, df/domega, df/dmu, df/dv', () => {
    for (const p of points) {
      const T = (q: DeglobParams) => numericRT(solveNumeric(q)).T;
      close(fd((mu) => T({ ...p, mu }), p.mu), dTdMu(p), FD_TOL, 'dT/dmu');
      close(fd((v) => T({ ...p, v }), p.v), dTdV(p), FD_TOL, 'dT/dv');
      close(fd((omega) => numericF({ ...p, omega }), p.omega), dfdOmega(p), FD_TOL, 'df/domega');
      close(fd((mu) => numericF({ ...p, mu }), p.mu), dfdMu(p), FD_TOL, 'df/dmu');
      close(fd((v) => numericF({ ...p, v }), p.v), dfdV(p), FD_TOL, 'df/dv');
    }
  });

  it('statics with absorption fixed (G) and with output fixed (X)', () => {
    for (const p of points) {
      const G = unevenG(p.N);
      const sG = G.reduce((a, b) => a + b, 0);
      const i = 0;
      const gv = (q: DeglobParams) => solveNumeric(q, { G }).gvcp_vs1[i];
      const sg = staticsAbsorptionFixed(p, G[i] / sG);
      close(fd((mu) => gv({ ...p, mu }), p.mu), sg.mu.value, FD_TOL, 'G: d/dmu');
      close(fd((v) => gv({ ...p, v }), p.v), sg.v.value, FD_TOL, 'G: d/dv');
      expect(Math.abs(fd((omega) => gv({ ...p, omega }), p.omega))).toBeLessThan(1e-8);
      const dG = (t: number) => {
        const G2 = Float64Array.from(G);
        G2[i] = t;
        return solveNumeric(p, { G: G2 });
      };
      const up = dG(G[i] + h);
      const dn = dG(G[i] - h);
      close((up.gvcp_vs1[i] - dn.gvcp_vs1[i]) / (up.g[i] - dn.g[i]), sg.g.value, FD_TOL, 'G: d/dg');

      const X = solveNumeric(p, { G }).X;
      const sX = X.reduce((a, b) => a + b, 0);
      const sx = staticsOutputFixed(p, X[i] / sX);
      const gx = (q: DeglobParams) => solveNumeric(q, { X }).gvcp_vs1[i];
      close(fd((omega) => gx({ ...p, omega }), p.omega), sx.omega.value, FD_TOL, 'X: d/domega');
      close(fd((mu) => gx({ ...p, mu }), p.mu), sx.mu.value, FD_TOL, 'X: d/dmu');
      close(fd((v) => gx({ ...p, v }), p.v), sx.v.value, FD_TOL, 'X: d/dv');
      const dX = (t: number) => {
        const X2 = Float64Array.from(X);
        X2[i] = t;
        return solveNumeric(p, { X: X2 });
      };
      const xu = dX(X[i] + h);
      const xd = dX(X[i] - h);
      close((xu.gvcp_vs1[i] - xd.gvcp_vs1[i]) / (xu.x[i] - xd.x[i]), sx.x.value, FD_TOL, 'X: d/dx');
    }
  });
});

describe('KWW-IV DVX (spec 1.4)', () => {
  it('equals the decompr route VAX - DVA_FIN - DVA_INT on the numeric model', () => {
    const p = { N: 6, omega: 0.65, mu: 0.55, v: 0.4 };
    const m = solveNumeric(p, { G: unevenG(6) });
    const n = p.N;
    const BY = linalg().gemm(m.B, m.Yfd);
    for (let r = 0; r < n; r++) {
      let vax = 0;
      let dvaFin = 0;
      let dvaInt = 0;
      for (let s = 0; s < n; s++) {
        if (s === r) continue;
        vax += m.V[r] * BY.data[r * n + s];
        dvaFin += m.V[r] * m.B.data[r * n + r] * m.Yfd.data[r * n + s];
        dvaInt += m.V[r] * m.B.data[r * n + s] * m.Yfd.data[s * n + s];
      }
      close(m.DVX_kww_iv[r], vax - dvaFin - dvaInt, 1e-12, 'DVA_INTrex');
    }
  });
});
