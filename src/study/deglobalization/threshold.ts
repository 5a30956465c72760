/**
 * Tables 2 and 3 of the deglobalization study (spec 2.4): Hansen (1999) panel-threshold regressions with the
 * threshold variable q = omega (always raw) and country and year effects,
 *   eq. (19): regime-dependent mu,  regime-independent omega, v, gr;
 *   eq. (20): regime-dependent v,   regime-independent omega, mu, gr.
 * Sequential search for 1-3 thresholds, bootstrap p-values (B replications each, seeded), LR confidence sets,
 * and the single-threshold final model of Table 3 with the chosen standard errors and both R^2.
 */
import type { DataFrame } from '../../econometrics/frame.js';
import { numericColumn } from '../../econometrics/frame.js';
import { panelThreshold, type ThresholdResult, type ThresholdVce } from '../../econometrics/threshold/index.js';
import type { DeglobConfig, Se } from './config.js';
import { levelFrame, zscore } from './sample.js';

export interface ThresholdEq {
  id: 'eq19' | 'eq20';
  regime: 'mu' | 'v';
  z: string[];
  result: ThresholdResult;
  /** 1 - SSR / sum (y - mean y)^2 of the final single-threshold model (the dummy-regression R^2). */
  r2Lsdv: number;
  seconds: number;
}

export const EQUATIONS = [
  { id: 'eq19', regime: 'mu', z: ['omega', 'v', 'gr'] },
  { id: 'eq20', regime: 'v', z: ['omega', 'mu', 'gr'] },
] as const;

function vce(se: Se): ThresholdVce {
  return se === 'conventional' ? 'classical' : se;
}

/** Both threshold equations on the in-sample panel. */
export function thresholdFits(panel: DataFrame, cfg: DeglobConfig, progress: (m: string) => void = () => {}): ThresholdEq[] {
  const lv = levelFrame(panel, cfg, false);
  const q = numericColumn(lv, 'omega');
  const df = cfg.standardize === 'zscore' ? zscore(lv, ['gvcp', 'omega', 'mu', 'v', 'gr']) : lv;
  const y = numericColumn(df, 'gvcp');
  let tss = 0;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  for (const v of y) tss += (v - my) ** 2;
  return EQUATIONS.map((e) => {
    const t0 = Date.now();
    const z: Record<string, Float64Array> = {};
    for (const n of e.z) z[n] = numericColumn(df, n);
    const result = panelThreshold(
      {
        y,
        x: numericColumn(df, e.regime),
        q,
        z,
        id: df.columns.country as string[],
        time: numericColumn(df, 'year'),
        names: { y: 'gvcp', x: e.regime, q: 'omega', id: 'country', time: 'year' },
      },
      {
        thresholds: 3,
        trim: cfg.trim,
        grid: cfg.grid,
        bootstrap: cfg.bootstrap,
        seed: cfg.seed,
        effects: 'twoway',
        vce: vce(cfg.se),
        levels: [0.9, 0.95, 0.99],
        refine: true,
        final: 1,
        keepPaths: false,
      },
    );
    const seconds = (Date.now() - t0) / 1000;
    progress(`threshold ${e.id} (${e.regime} regimes): gamma = ${result.thresholds.map((g) => g.toFixed(4)).join(', ')}, B = ${cfg.bootstrap}, ${seconds.toFixed(1)} s`);
    return { id: e.id, regime: e.regime, z: [...e.z], result, r2Lsdv: 1 - result.final.ssr / tss, seconds };
  });
}
