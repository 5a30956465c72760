/**
 * `gvc regress <data.csv|.csv.gz|.parquet|.dta> '<formula>'`: linear models with fixed effects and IV (feols),
 * or Poisson PPML with fixed effects (fepois) with `--model poisson` (alias `--family poisson`).
 *
 *   gvc regress grunfeld.csv 'inv ~ value + capital | firm' --cluster firm
 *   gvc regress mroz.csv 'lwage ~ exper + expersq | educ ~ motheduc + fatheduc' --vcov hc1 --json
 *   gvc regress gravity.csv 'trade ~ rta | exporter^year + importer^year + pair_id' --model poisson --cluster pair_id
 *
 * JSON output (both models): model ("ols" | "poisson"), formula, depvar, coef, se, tstat, pvalue, nobs,
 * vcov (the variance convention as a sentence), vcovType, collinear, dropped, fixef, cluster.
 * OLS adds r2, adjR2, r2Within, rmse, dfResid and iv; Poisson adds ssc, deviance, nullDeviance, logLik,
 * pseudoR2, iterations, converged and separatedBy (tstat holds z statistics, p-values are normal).
 * Text output: a regression table (--format text|markdown|latex|html|csv) plus sample notes.
 */
import type { Command } from 'commander';
import { readPanel } from '../../node/read-panel.js';
import { OptionError } from '../../errors.js';
import { feols } from '../../econometrics/feols.js';
import { fepois, type FepoisResult, type PoissonSsc } from '../../econometrics/fepois.js';
import type { CoefResult, FeolsResult, VcovChoice } from '../../econometrics/types.js';
import { regTable, renderRegTable, type RegFormat } from '../../report/regtable/index.js';

interface Opts {
  cluster?: string;
  vcov?: string;
  weights?: string;
  json?: boolean;
  format: string;
  keepSingletons?: boolean;
  model?: string;
  family?: string;
  ssc?: string;
  offset?: string;
}

/** Keys every `--json` document has: model, formula, coef, se, tstat, pvalue, nobs and the variance convention. */
function coefJson(model: string, r: CoefResult & { vcovType: string }): Record<string, unknown> {
  return { model, formula: r.formula, depvar: r.depvar, coef: r.coef, se: r.se, tstat: r.tstat, pvalue: r.pvalue, nobs: r.nobs, vcov: r.vcovNote, vcovType: r.vcovType };
}

/** The JSON document printed by `--json`. */
export function regressJson(r: FeolsResult): Record<string, unknown> {
  return {
    ...coefJson('ols', r),
    r2: r.r2,
    adjR2: r.adjR2,
    r2Within: Number.isFinite(r.r2Within) ? r.r2Within : null,
    rmse: r.rmse,
    dfResid: r.dfResid,
    collinear: r.collinear,
    dropped: r.dropped,
    fixef: r.fixef,
    cluster: r.cluster ?? null,
    iv: r.iv ?? null,
  };
}

/** The JSON document printed by `--json --model poisson`. */
export function poissonJson(r: FepoisResult): Record<string, unknown> {
  return {
    ...coefJson('poisson', r),
    ssc: r.ssc,
    deviance: r.deviance,
    nullDeviance: r.nullDeviance,
    logLik: r.logLik,
    pseudoR2: r.pseudoR2,
    iterations: r.iterations,
    converged: r.converged,
    collinear: r.collinear,
    dropped: r.dropped,
    separatedBy: r.separatedBy,
    fixef: r.fixef,
    cluster: r.cluster ?? null,
  };
}

/** 'ols' or 'poisson' from --model / --family (aliases: linear, gaussian, lm, feols; ppml, fepois). */
export function resolveModel(model?: string, family?: string): 'ols' | 'poisson' {
  if (model && family && resolveModel(model) !== resolveModel(undefined, family)) {
    throw new OptionError(`--model ${model} and --family ${family} disagree.`);
  }
  const m = (model ?? family ?? 'ols').toLowerCase();
  if (['ols', 'linear', 'gaussian', 'lm', 'feols'].includes(m)) return 'ols';
  if (['poisson', 'ppml', 'fepois'].includes(m)) return 'poisson';
  throw new OptionError(`unknown model '${m}' (use ols or poisson).`);
}

/** One line per reason rows or regressors left the estimation. */
function droppedNotes(d: { missing: number; nonFinite: number; singletons: number }, collinear: string[]): string[] {
  const notes: string[] = [];
  if (d.missing) notes.push(`${d.missing} row(s) dropped for missing values`);
  if (d.nonFinite) notes.push(`${d.nonFinite} row(s) dropped for non-finite transforms`);
  if (d.singletons) notes.push(`${d.singletons} singleton row(s) dropped`);
  if (collinear.length) notes.push(`dropped as collinear: ${collinear.join(', ')}`);
  return notes;
}

export function register(program: Command): void {
  program
    .command('regress')
    .description('linear regression with fixed effects, clustered SE and IV, or Poisson PPML with fixed effects (fixest-like formula)')
    .argument('<data>', 'data file (.csv, .csv.gz, .parquet or Stata .dta)')
    .argument('<formula>', "e.g. 'y ~ x1 + x2 | fe1 + fe2 | endog ~ z1 + z2'")
    .option('--cluster <vars>', 'cluster variable(s), comma separated (two = two-way)')
    .option('--vcov <type>', 'iid | hc1 | cluster | cluster_plm | twoway (default: cluster if --cluster, else iid)')
    .option('--weights <var>', 'analytic weights column')
    .option('--keep-singletons', 'do not drop FE singletons')
    .option('--model <model>', 'ols (default) | poisson (PPML with fixed effects)')
    .option('--family <family>', 'alias of --model: gaussian | poisson')
    .option('--ssc <convention>', 'poisson small-sample factors: fixest (default) | ppmlhdfe')
    .option('--offset <var>', 'poisson offset column (coefficient fixed at 1)')
    .option('--format <fmt>', 'table format: text | markdown | latex | html | csv', 'text')
    .option('--json', 'print JSON')
    .action(async (data: string, formula: string, opts: Opts) => {
      const model = resolveModel(opts.model, opts.family);
      if (model === 'ols' && (opts.ssc || opts.offset)) throw new OptionError('--ssc and --offset apply to --model poisson only.');
      const df = await readPanel(data);
      if (model === 'poisson') {
        const r = fepois(formula, df, {
          cluster: opts.cluster,
          vcov: opts.vcov as VcovChoice | undefined,
          weights: opts.weights,
          offset: opts.offset,
          dropSingletons: !opts.keepSingletons,
          ssc: opts.ssc as PoissonSsc | undefined,
        });
        if (opts.json) {
          process.stdout.write(JSON.stringify(poissonJson(r), null, 2) + '\n');
          return;
        }
        process.stdout.write(renderRegTable(regTable([r]), opts.format as RegFormat));
        const notes = droppedNotes(r.dropped, r.collinear);
        const d = r.dropped;
        if (d.separatedFe) notes.push(`${d.separatedFe} row(s) dropped as separated by fixed effects (all-zero outcome in their FE group)`);
        if (d.separatedRegressor) notes.push(`${d.separatedRegressor} row(s) dropped as separated by ${r.separatedBy.join(', ')}`);
        notes.push(`Poisson PPML: deviance = ${r.deviance.toPrecision(8)}, pseudo-R2 = ${r.pseudoR2.toFixed(4)}, ${r.iterations} IRLS iteration(s)${r.converged ? '' : ' (NOT converged)'}; z statistics`);
        if (opts.format === 'text') process.stdout.write(notes.join('\n') + '\n');
        return;
      }
      const r = feols(formula, df, {
        cluster: opts.cluster,
        vcov: opts.vcov as VcovChoice | undefined,
        weights: opts.weights,
        dropSingletons: !opts.keepSingletons,
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify(regressJson(r), null, 2) + '\n');
        return;
      }
      process.stdout.write(renderRegTable(regTable([r]), opts.format as RegFormat));
      const notes = droppedNotes(r.dropped, r.collinear);
      if (r.iv) for (const s of r.iv.firstStage) notes.push(`first stage ${s.endog}: F = ${s.F.toFixed(2)}, robust F = ${s.Frobust.toFixed(2)}`);
      if (r.iv) notes.push(`Kleibergen-Paap rk LM = ${r.iv.kpLM.toFixed(2)} (p = ${r.iv.kpLMp.toExponential(2)}), rk Wald F = ${r.iv.kpF.toFixed(2)}, Cragg-Donald F = ${r.iv.cdF.toFixed(2)}`);
      if (notes.length && opts.format === 'text') process.stdout.write(notes.join('\n') + '\n');
    });
}
