/**
 * `gvc regress <data.csv|.csv.gz|.parquet|.dta> '<formula>'`: linear models with fixed effects and IV (feols).
 *
 *   gvc regress grunfeld.csv 'inv ~ value + capital | firm' --cluster firm
 *   gvc regress mroz.csv 'lwage ~ exper + expersq | educ ~ motheduc + fatheduc' --vcov hc1 --json
 *
 * JSON output: formula, depvar, coef, se, tstat, pvalue, nobs, vcov (the variance convention as a
 * sentence), vcovType, r2, adjR2, r2Within, collinear, dropped, fixef, cluster and iv diagnostics.
 * Text output: a regression table (--format text|markdown|latex|html|csv) plus sample notes.
 */
import type { Command } from 'commander';
import { readPanel } from '../../node/read-panel.js';
import { feols } from '../../econometrics/feols.js';
import type { FeolsResult, VcovChoice } from '../../econometrics/types.js';
import { regTable, renderRegTable, type RegFormat } from '../../report/regtable/index.js';

interface Opts {
  cluster?: string;
  vcov?: string;
  weights?: string;
  json?: boolean;
  format: string;
  keepSingletons?: boolean;
}

/** The JSON document printed by `--json`. */
export function regressJson(r: FeolsResult): Record<string, unknown> {
  return {
    formula: r.formula,
    depvar: r.depvar,
    coef: r.coef,
    se: r.se,
    tstat: r.tstat,
    pvalue: r.pvalue,
    nobs: r.nobs,
    vcov: r.vcovNote,
    vcovType: r.vcovType,
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

export function register(program: Command): void {
  program
    .command('regress')
    .description('linear regression with fixed effects, clustered SE and IV (fixest-like formula)')
    .argument('<data>', 'data file (.csv, .csv.gz, .parquet or Stata .dta)')
    .argument('<formula>', "e.g. 'y ~ x1 + x2 | fe1 + fe2 | endog ~ z1 + z2'")
    .option('--cluster <vars>', 'cluster variable(s), comma separated (two = two-way)')
    .option('--vcov <type>', 'iid | hc1 | cluster | cluster_plm | twoway (default: cluster if --cluster, else iid)')
    .option('--weights <var>', 'analytic weights column')
    .option('--keep-singletons', 'do not drop FE singletons')
    .option('--format <fmt>', 'table format: text | markdown | latex | html | csv', 'text')
    .option('--json', 'print JSON')
    .action(async (data: string, formula: string, opts: Opts) => {
      const df = await readPanel(data);
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
      const notes: string[] = [];
      const d = r.dropped;
      if (d.missing) notes.push(`${d.missing} row(s) dropped for missing values`);
      if (d.nonFinite) notes.push(`${d.nonFinite} row(s) dropped for non-finite transforms`);
      if (d.singletons) notes.push(`${d.singletons} singleton row(s) dropped`);
      if (r.collinear.length) notes.push(`dropped as collinear: ${r.collinear.join(', ')}`);
      if (r.iv) for (const s of r.iv.firstStage) notes.push(`first stage ${s.endog}: F = ${s.F.toFixed(2)}, robust F = ${s.Frobust.toFixed(2)}`);
      if (r.iv) notes.push(`Kleibergen-Paap rk LM = ${r.iv.kpLM.toFixed(2)} (p = ${r.iv.kpLMp.toExponential(2)}), rk Wald F = ${r.iv.kpF.toFixed(2)}, Cragg-Donald F = ${r.iv.cdF.toFixed(2)}`);
      if (notes.length && opts.format === 'text') process.stdout.write(notes.join('\n') + '\n');
    });
}
