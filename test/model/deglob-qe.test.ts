/** Optional QE / trade-protection investment multiplier (spec `deglobalization` 1.9). */
import { describe, expect, it } from 'vitest';
import { dzdOmega, qeBracket, qeMultiplier, qeMultiplierCurve, qeMultiplierPaperForm } from '../../src/model/deglob/index.js';

const grid = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));

describe('investment multiplier z', () => {
  it("equals the paper's printed form; bracket > 0; z > 0 iff omega > 1/N; dz/domega by finite differences", () => {
    const fails: string[] = [];
    let n = 0;
    for (const N of [2, 3, 7, 20]) for (const omega of grid(0.01, 0.99, 9)) for (const mu of grid(0, 0.95, 5))
      for (const v of grid(0.05, 0.95, 5)) for (const alpha of [0, 0.33, 0.7]) for (const S of [0, 0.5, 0.9]) {
        if (Math.abs(N * omega - 1) < 1e-9) continue;
        const p = { N, omega, mu, v, alpha, S };
        const z = qeMultiplier(p);
        const zp = qeMultiplierPaperForm(p);
        const h = 1e-6;
        const fd = (qeMultiplier({ ...p, omega: omega + h }) - qeMultiplier({ ...p, omega: omega - h })) / (2 * h);
        const d = dzdOmega(p);
        n++;
        if (Math.abs(z - zp) > 1e-12 * Math.max(1, Math.abs(z))) fails.push(`paper form ${JSON.stringify(p)}`);
        if (!(qeBracket(p) > 0)) fails.push(`bracket ${JSON.stringify(p)}`);
        if (z > 0 !== omega > 1 / N) fails.push(`sign ${JSON.stringify(p)}`);
        if (Math.abs(fd - d) > 1e-5 * Math.max(1e-3, Math.abs(d))) fails.push(`dz/domega ${JSON.stringify(p)}: ${fd} vs ${d}`);
        if (!(d > 0)) fails.push(`dz/domega > 0 ${JSON.stringify(p)}`);
      }
    expect(fails.slice(0, 5)).toEqual([]);
    expect(n).toBeGreaterThan(3000);
  });

  it('S = 1 (full home bias in equity) gives z = 0; the curve has 101 rows over omega', () => {
    expect(qeMultiplier({ N: 7, omega: 0.7, mu: 0.6, v: 0.33, alpha: 0.33, S: 1 })).toBe(0);
    const rows = qeMultiplierCurve({ N: 7, mu: 0.6, v: 0.33, alpha: 0.33, S: 0.8 });
    expect(rows).toHaveLength(101);
    for (let k = 1; k < rows.length; k++) expect(rows[k].z).toBeGreaterThan(rows[k - 1].z);
  });
});
