/**
 * `gvc decompose <table...> --method kww|wwz|bm|leontief --level country|sector|bilateral [--approach source|sink]
 *   [--out f.csv|f.parquet|f.dta]`
 *
 * Value-added decomposition of gross exports for one or many tables (many tables = many years: a `year`
 * column comes first). Output columns use decompr's names. Progress goes to stderr: a bar when stderr
 * is a terminal, otherwise one line per table. At the end the largest accounting-identity residual
 * (relative) is printed with where it occurs, next to the input table's own row-balance residual.
 * Without --out the CSV goes to stdout.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { OptionError } from '../../errors.js';
import { buildModel } from '../../mrio/model.js';
import { yearFromName, writeAtomic } from '../../node/files.js';
import { checkTablePath, writeTableFile } from '../../node/write-table.js';
import { toCsv } from '../../report/csv-writer.js';
import { checkOptions, decompose, METHODS, LEVELS, type Approach, type DecompResult, type Level, type Method } from '../../decompose/router.js';
import type { IdentityCheck } from '../../decompose/identities.js';
import { stackYears, tidy, type TidyTable } from '../../decompose/tidy.js';
import { expandTableArgs, loadTable } from '../load.js';

interface DecomposeCliOptions {
  method: string;
  level?: string;
  approach?: string;
  out?: string;
  quote?: boolean;
}

function bar(done: number, total: number, label: string): string {
  const width = 24;
  const fill = Math.round((done / total) * width);
  return `\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} ${label}`.padEnd(72);
}

function fmtCheck(c: IdentityCheck): string {
  return `${c.maxRel.toExponential(2)} relative (${c.maxAbs.toExponential(2)} absolute) in "${c.identity}"${c.where ? ` at ${c.where}` : ''}`;
}

export function register(program: Command): void {
  program
    .command('decompose')
    .description('decompose gross exports into value-added terms (KWW 2014, WWZ 2013, Borin-Mancini 2019, Leontief)')
    .argument('<tables...>', 'table files (one per year), directories, "demo" or "wiod2013[:YEAR[-YEAR]]"')
    .requiredOption('--method <method>', `decomposition: ${METHODS.join(', ')}`)
    .option('--level <level>', `aggregation: ${LEVELS.join(', ')} (default: the method's native level)`)
    .option('--approach <approach>', 'bm only: source (default) or sink')
    .option('--out <file>', 'output file: .csv, .parquet or Stata .dta (default: CSV on stdout)')
    .option('--quote', 'quote text fields in CSV (like R write.csv)')
    .action(async (tables: string[], opts: DecomposeCliOptions) => {
      const { method, level, approach } = checkOptions({
        method: opts.method as Method,
        level: opts.level as Level | undefined,
        approach: opts.approach as Approach | undefined,
      });
      const out = opts.out;
      if (out) checkTablePath('--out', out);
      const paths = expandTableArgs(tables);
      const tty = process.stderr.isTTY === true;
      const parts: Array<{ year: number | string; table: TidyTable; result: DecompResult }> = [];
      const t00 = performance.now();
      for (let k = 0; k < paths.length; k++) {
        const p = paths[k];
        const t0 = performance.now();
        const table = await loadTable(p);
        const year = table.year ?? yearFromName(p) ?? basename(p);
        const result = decompose(buildModel(table), { method, level, approach });
        parts.push({ year, table: tidy(result), result });
        const secs = ((performance.now() - t0) / 1000).toFixed(2);
        const msg = `${year}: ${method} ${level}, ${result.nrow} rows in ${secs} s, max identity residual ${result.maxResidual.maxRel.toExponential(2)}`;
        if (tty) process.stderr.write(bar(k + 1, paths.length, msg.slice(0, 40)));
        else process.stderr.write(`[${k + 1}/${paths.length}] ${msg}\n`);
      }
      if (tty) process.stderr.write('\n');
      const result = parts.length === 1 ? parts[0].table : stackYears(parts);
      if (out) await writeTableFile(out, result, { label: `gvc decompose --method ${method}`, quote: opts.quote });
      else process.stdout.write(toCsv(result, { quoteStrings: opts.quote }));
      let worst = parts[0].result.maxResidual;
      let worstYear = parts[0].year;
      let balance = parts[0].result.balance;
      for (const p of parts) {
        if (p.result.maxResidual.maxRel > worst.maxRel) {
          worst = p.result.maxResidual;
          worstYear = p.year;
        }
        if (p.result.balance.maxRel > balance.maxRel) balance = p.result.balance;
      }
      const at = parts.length > 1 ? ` (${worstYear})` : '';
      process.stderr.write(`largest identity residual: ${fmtCheck(worst)}${at}\n`);
      if (balance.maxRel > 1e-9) process.stderr.write(`input table row balance (x = Z1 + Y1): ${fmtCheck(balance)}\n`);
      const total = ((performance.now() - t00) / 1000).toFixed(2);
      process.stderr.write(`${out ? `wrote ${out}: ` : ''}${result.nrow} rows from ${parts.length} table(s) in ${total} s\n`);
    });
}
