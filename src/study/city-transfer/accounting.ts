/**
 * §7 transfer accounting, per period p = (y0, y1), from the per-year totals of the Leontief solves:
 *   (a) origin sums: (y1 − y0) Σ_{j incl. i} Σ_s T[i→j,s] = 1'(X^{y1}[·,i] − X^{y0}[·,i]) for every origin i;
 *   (b) total: Σ_i of those + Δ 1'L(EXP + OTHER) = Δ 1'x (the change in total output).
 * T covers the cities present in all three tables; when the city lists differ, (a) is not applicable (the
 * destinations outside the common set are missing from T) and (b) uses the per-year sums over each table's
 * own cities instead of T (`viaT` false). Errors are relative: (a) to max(|1'X^{y0}[·,i]|, |1'X^{y1}[·,i]|),
 * (b) to max(1'x^{y0}, 1'x^{y1}).
 */
import { PERIODS } from './config.js';

export interface YearTotals {
  codes: string[];
  /** 1'X[·,d] per origin d (all rows of the table). */
  byOrigin: Float64Array;
  /** 1'L(EXP + OTHER). */
  external: number;
  /** 1'x. */
  output: number;
}

export interface PeriodAccounting {
  period: string;
  /** max relative error of (a) and its origin, or null when the city lists differ across years. */
  origins: { rel: number; origin: string } | null;
  /** relative error of (b). */
  total: number;
  viaT: boolean;
  /** Δ 1'x, Δ induced by final demand, Δ induced by EXP + OTHER (10,000 yuan). */
  deltaOutput: number;
  deltaFinal: number;
  deltaExternal: number;
}

export function periodAccounting(codes: string[], N: number, T: Float64Array[], totals: Map<number, YearTotals>): PeriodAccounting[] {
  const n = codes.length;
  const out: PeriodAccounting[] = [];
  PERIODS.forEach((p, k) => {
    const a = totals.get(p.y0);
    const b = totals.get(p.y1);
    if (!a || !b) return;
    const same = a.codes.length === n && b.codes.length === n;
    const dy = p.y1 - p.y0;
    const pa = codes.map((c) => a.codes.indexOf(c));
    const pb = codes.map((c) => b.codes.indexOf(c));
    let worst = { rel: 0, origin: codes[0] ?? '' };
    let sumT = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let q = i * n * N; q < (i + 1) * n * N; q++) s += T[k][q];
      sumT += s;
      const x0 = a.byOrigin[pa[i]];
      const x1 = b.byOrigin[pb[i]];
      const rel = Math.abs(dy * s - (x1 - x0)) / Math.max(Math.abs(x0), Math.abs(x1), 1e-300);
      if (rel > worst.rel) worst = { rel, origin: codes[i] };
    }
    const sum = (v: Float64Array) => v.reduce((x, y) => x + y, 0);
    const deltaFinal = same ? dy * sumT : sum(b.byOrigin) - sum(a.byOrigin);
    const deltaExternal = b.external - a.external;
    const deltaOutput = b.output - a.output;
    out.push({
      period: p.name,
      origins: same ? worst : null,
      total: Math.abs(deltaFinal + deltaExternal - deltaOutput) / Math.max(a.output, b.output, 1e-300),
      viaT: same,
      deltaOutput, deltaFinal, deltaExternal,
    });
  });
  return out;
}
