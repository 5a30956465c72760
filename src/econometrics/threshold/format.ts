/** Plain-text and JSON renderings of a panel threshold result (the `gvc threshold` output). */
import type { ThresholdResult } from './hansen.js';

const f4 = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : 'NA');
const g6 = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : 'NA');

function pad(s: string, w: number, right = false): string {
  return right ? s.padEnd(w) : s.padStart(w);
}

/** The JSON document of `gvc threshold --json`: thresholds, F, p, ci, coef, se, ssr and details. */
export function thresholdJson(r: ThresholdResult): Record<string, unknown> {
  const ci95 = (s: ThresholdResult['steps'][number]) => s.ci.find((c) => Math.abs(c.level - 0.95) < 1e-12) ?? s.ci[0];
  const coef: Record<string, number> = {};
  const se: Record<string, number> = {};
  for (const c of r.final.coef) {
    coef[c.name] = c.estimate;
    se[c.name] = c.se;
  }
  return {
    thresholds: r.thresholds,
    F: r.steps.map((s) => s.F),
    p: r.steps.map((s) => (Number.isNaN(s.p) ? null : s.p)),
    ci: r.steps.map((s) => {
      const c = ci95(s);
      return c ? [c.lower, c.upper] : null;
    }),
    coef,
    se,
    ssr: [r.ssr0, ...r.steps.map((s) => s.ssr)],
    vce: r.final.vce,
    se_white: Object.fromEntries(r.final.coef.map((c) => [c.name, c.seWhite])),
    se_classical: Object.fromEntries(r.final.coef.map((c) => [c.name, c.seClassical])),
    sigma2: r.steps.map((s) => s.sigma2),
    sigma2_convention: r.sigma2,
    crit: r.steps.map((s) => s.crit),
    bootstrap: r.steps.map((s) => s.B),
    ci_sets: r.steps.map((s) => s.ci),
    refined: r.steps[1]?.refined ? { gamma: r.steps[1].refined.gamma, ssr: r.steps[1].refined.ssr, ci: r.steps[1].refined.ci } : null,
    final: {
      thresholds: r.final.thresholds,
      regimes: r.final.regimes.map((g) => ({ ...g, lower: Number.isFinite(g.lower) ? g.lower : null, upper: Number.isFinite(g.upper) ? g.upper : null })),
      ssr: r.final.ssr,
      r2_within: r.final.r2within,
      df: r.final.df,
      coef: r.final.coef,
    },
    model: {
      y: r.names.y,
      regime: r.names.x,
      q: r.names.q,
      z: r.names.z,
      id: r.names.id,
      time: r.names.time,
      n: r.n,
      T: r.T,
      N: r.N,
      effects: r.effects,
      grid: r.grid,
      trim: r.trim,
      seed: r.seed,
      distinct_q: r.distinct,
      candidates: r.steps.map((s) => s.candidates),
    },
  };
}

/** A readable report: threshold estimates, tests, and the final regression. */
export function formatThreshold(r: ThresholdResult): string {
  const L: string[] = [];
  L.push(`Panel threshold regression (Hansen 1999), ${r.effects === 'twoway' ? 'unit and period' : 'unit'} fixed effects`);
  L.push(`  y = ${r.names.y}; regime-dependent: ${r.names.x}; threshold variable: ${r.names.q}; regime-independent: ${r.names.z.join(', ') || '(none)'}`);
  L.push(`  ${r.n} units x ${r.T} periods = ${r.N} observations; ${r.distinct} distinct values of ${r.names.q}; grid: ${r.grid}; trim: ${r.trim.join(', ')}; seed: ${r.seed}`);
  L.push('');
  L.push('Threshold estimates (95% LR confidence set):');
  L.push(`  ${pad('model', 8, true)} ${pad('threshold', 11)} ${pad('lower', 11)} ${pad('upper', 11)}`);
  const row = (name: string, g: number, c: { lower: number; upper: number; contiguous: boolean } | undefined) =>
    `  ${pad(name, 8, true)} ${pad(g6(g), 11)} ${pad(g6(c?.lower ?? NaN), 11)} ${pad(g6(c?.upper ?? NaN), 11)}${c && !c.contiguous ? '  (set not contiguous)' : ''}`;
  const c95 = (cs: { level: number; lower: number; upper: number; contiguous: boolean }[]) => cs.find((c) => Math.abs(c.level - 0.95) < 1e-12) ?? cs[0];
  for (const s of r.steps) {
    L.push(row(`Th-${s.m}`, s.gamma, c95(s.ci)));
    if (s.refined) L.push(row('Th-1r', s.refined.gamma, c95(s.refined.ci)));
  }
  L.push('');
  L.push(`Threshold effect tests (bootstrap; sigma2 = ${r.sigma2 === 'xthreg' ? 'SSR / (n T - T), as Stata xthreg' : 'SSR / (n (T - 1)), Hansen 1999'}):`);
  L.push(`  ${pad('test', 8, true)} ${pad('SSR', 12)} ${pad('sigma2', 10)} ${pad('F', 10)} ${pad('p', 7)} ${pad('B', 5)} ${pad('crit10', 9)} ${pad('crit5', 9)} ${pad('crit1', 9)}`);
  L.push(`  ${pad('linear', 8, true)} ${pad(r.ssr0.toFixed(6), 12)}`);
  const names = ['single', 'double', 'triple'];
  for (const s of r.steps) {
    L.push(
      `  ${pad(names[s.m - 1], 8, true)} ${pad(s.ssr.toFixed(6), 12)} ${pad(s.sigma2.toExponential(4), 10)} ${pad(s.F.toFixed(3), 10)} ${pad(Number.isNaN(s.p) ? 'NA' : s.p.toFixed(3), 7)} ${pad(String(s.B), 5)} ${pad(f4(s.crit.p90), 9)} ${pad(f4(s.crit.p95), 9)} ${pad(f4(s.crit.p99), 9)}`,
    );
  }
  L.push('');
  const fin = r.final;
  L.push(`Fixed-effects regression at threshold(s) ${fin.thresholds.map(g6).join(', ') || '(none)'}; SE: ${fin.vce} (White shown too); within R2 = ${fin.r2within.toFixed(4)}; df = ${fin.df}`);
  const w = Math.max(10, ...fin.coef.map((c) => c.name.length));
  L.push(`  ${pad('', w, true)} ${pad('coef', 11)} ${pad('se', 10)} ${pad('t', 8)} ${pad('p', 7)} ${pad('se White', 10)}`);
  for (const c of fin.coef) {
    L.push(`  ${pad(c.name, w, true)} ${pad(c.estimate.toFixed(6), 11)} ${pad(c.se.toFixed(6), 10)} ${pad(c.t.toFixed(2), 8)} ${pad(c.p.toFixed(4), 7)} ${pad(c.seWhite.toFixed(6), 10)}`);
  }
  L.push('  regimes: ' + fin.regimes.map((g) => `${g.label} n=${g.nobs}`).join('; '));
  return L.join('\n') + '\n';
}
