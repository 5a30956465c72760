/**
 * `gvc threshold <data> '<y ~ z1 + z2>' --regime <var> --q <var> --id <var> --time <var>
 *    [--thresholds 3] [--bootstrap 300] [--seed 1] [--grid k] [--trim 0.01[,0.01,0.05]]
 *    [--effects unit|twoway] [--vce classical|white|hc1|cluster] [--hansen-program] [--json]`
 *
 * Hansen (1999) fixed-effects panel threshold regression on a panel file (.csv, .csv.gz, .parquet or Stata .dta).
 * JSON keys: thresholds, F, p, ci (95%), coef, se, ssr ([S0, S1, ...]) and details.
 */
import type { Command } from 'commander';
import { OptionError } from '../../errors.js';
import { readPanel } from '../../node/read-panel.js';
import { thresholdModel } from '../../econometrics/threshold/model.js';
import { formatThreshold, thresholdJson } from '../../econometrics/threshold/format.js';
import type { ThresholdVce } from '../../econometrics/threshold/hansen.js';

interface Opts {
  regime: string;
  q: string;
  id: string;
  time: string;
  thresholds: string;
  bootstrap: string;
  seed: string;
  grid?: string;
  trim: string;
  effects: string;
  vce: string;
  hansenProgram?: boolean;
  sigma2: string;
  json?: boolean;
}

function int(name: string, s: string, min: number): number {
  const v = Number(s);
  if (!Number.isInteger(v) || v < min) throw new OptionError(`--${name} must be an integer >= ${min}, got "${s}".`);
  return v;
}

function nums(name: string, s: string): number[] {
  const out = s.split(',').map((t) => Number(t.trim()));
  if (out.some((v) => !Number.isFinite(v))) throw new OptionError(`--${name} must be a number or a comma-separated list, got "${s}".`);
  return out;
}

export function register(program: Command): void {
  program
    .command('threshold')
    .description('Hansen (1999) fixed-effects panel threshold regression with bootstrap tests and LR confidence sets')
    .argument('<data>', 'panel file (.csv, .csv.gz, .parquet or Stata .dta)')
    .argument('<formula>', "outcome and regime-independent regressors, e.g. 'i ~ q1 + q2 + d1'")
    .requiredOption('--regime <var>', 'regime-dependent regressor')
    .requiredOption('--q <var>', 'threshold variable')
    .requiredOption('--id <var>', 'panel unit identifier')
    .requiredOption('--time <var>', 'period variable')
    .option('--thresholds <m>', 'number of thresholds to search (1-3)', '1')
    .option('--bootstrap <B>', 'bootstrap replications per test, one number or a list (0: no bootstrap)', '300')
    .option('--seed <n>', 'bootstrap seed', '1')
    .option('--grid <k>', 'search k quantile points of the distinct threshold values (default: every distinct value)')
    .option('--trim <f>', 'minimum regime share; one number or one per threshold', '0.01')
    .option('--effects <e>', "fixed effects: 'unit' (Hansen) or 'twoway'", 'unit')
    .option('--vce <type>', 'standard errors of the final regression: classical, white, hc1, cluster', 'classical')
    .option('--hansen-program', "replicate Hansen's program: drop each unit's last period after demeaning")
    .option('--sigma2 <convention>', "scale of F and LR: hansen = SSR/(n(T-1)) (default) or xthreg = SSR/(nT-T), Stata xthreg's MSE", 'hansen')
    .option('--json', 'print JSON')
    .action(async (data: string, formula: string, o: Opts) => {
      const m = int('thresholds', o.thresholds, 1);
      if (m > 3) throw new OptionError(`--thresholds must be 1, 2 or 3, got ${m}.`);
      const boot = nums('bootstrap', o.bootstrap).map((b) => {
        if (!Number.isInteger(b) || b < 0) throw new OptionError(`--bootstrap must be non-negative integers, got "${o.bootstrap}".`);
        return b;
      });
      if (o.sigma2 !== 'hansen' && o.sigma2 !== 'xthreg') throw new OptionError(`--sigma2 must be hansen or xthreg, got "${o.sigma2}".`);
      if (o.effects !== 'unit' && o.effects !== 'twoway') throw new OptionError(`--effects must be unit or twoway, got "${o.effects}".`);
      const df = await readPanel(data);
      const r = thresholdModel(
        df,
        formula,
        { regime: o.regime, q: o.q, id: o.id, time: o.time },
        {
          thresholds: m,
          bootstrap: boot,
          seed: int('seed', o.seed, 0),
          grid: o.grid === undefined ? undefined : int('grid', o.grid, 1),
          trim: nums('trim', o.trim),
          effects: o.effects,
          vce: o.vce as ThresholdVce,
          dropLastPeriod: o.hansenProgram ?? false,
          sigma2: o.sigma2 as 'hansen' | 'xthreg',
        },
      );
      if (o.json) process.stdout.write(JSON.stringify(thresholdJson(r), (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v instanceof Float64Array ? Array.from(v) : v), 2) + '\n');
      else process.stdout.write(formatThreshold(r));
    });
}
