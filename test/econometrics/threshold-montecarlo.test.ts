/**
 * Planted-threshold recovery and size of the bootstrap test (deglobalization spec, section on tests):
 * n = 21, T = 16, q ~ U(0.2, 0.9), x ~ U(0.4, 0.95), z, alpha_i, eta_t ~ N(0, 1), e ~ N(0, 0.1^2),
 * y = alpha_i + eta_t + 0.5 z - 0.5 x 1(q <= 0.45) - 0.7 x 1(q > 0.45) + e; two-way effects, B = 100.
 */
import { describe, expect, it } from 'vitest';
import { panelThreshold, rng } from '../../src/econometrics/threshold/index.js';

function dgp(seed: number, lo: number, hi: number) {
  const n = 21;
  const T = 16;
  const r = rng(seed);
  const alpha = Array.from({ length: n }, () => r.normal());
  const eta = Array.from({ length: T }, () => r.normal());
  const id: number[] = [];
  const time: number[] = [];
  const y: number[] = [];
  const x: number[] = [];
  const q: number[] = [];
  const z: number[] = [];
  for (let i = 0; i < n; i++)
    for (let t = 0; t < T; t++) {
      const qv = 0.2 + 0.7 * r.next();
      const xv = 0.4 + 0.55 * r.next();
      const zv = r.normal();
      id.push(i);
      time.push(t);
      q.push(qv);
      x.push(xv);
      z.push(zv);
      y.push(alpha[i] + eta[t] + 0.5 * zv + (qv <= 0.45 ? lo : hi) * xv + 0.1 * r.normal());
    }
  return { id, time, y, x, q, z: { z } };
}

describe('panel threshold Monte Carlo (spec acceptance)', () => {
  it('recovers a planted threshold over 20 seeds', () => {
    let sig = 0;
    let close = 0;
    let covered = 0;
    for (let s = 1; s <= 20; s++) {
      const r = panelThreshold(dgp(1000 + s, -0.5, -0.7), { bootstrap: 100, seed: s, effects: 'twoway' });
      const st = r.steps[0];
      if (st.p < 0.01) sig++;
      if (Math.abs(st.gamma - 0.45) <= 0.02) close++;
      const c = st.ci.find((ci) => ci.level === 0.95)!;
      if (c.lower <= 0.45 && c.upper >= 0.45) covered++;
    }
    expect(sig).toBe(20);
    expect(close).toBeGreaterThanOrEqual(16);
    expect(covered).toBeGreaterThanOrEqual(17);
  });

  it('has about the right size without a threshold (100 seeds)', () => {
    let rej = 0;
    for (let s = 1; s <= 100; s++) {
      const r = panelThreshold(dgp(5000 + s, -0.6, -0.6), { bootstrap: 100, seed: s, effects: 'twoway' });
      if (r.steps[0].p < 0.05) rej++;
    }
    expect(rej).toBeGreaterThanOrEqual(1);
    expect(rej).toBeLessThanOrEqual(12);
  });
});
