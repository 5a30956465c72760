/** `gvc info <table...>`: dimensions, totals, balance residuals, zero-output sectors and top sectors. */
import type { Command } from 'commander';
import { summarize, formatSummary } from '../../mrio/summary.js';
import { expandTableArgs, loadTable } from '../load.js';
import { intOption } from './demo.js';

export function register(program: Command): void {
  program
    .command('info')
    .description('print dimensions, totals, balance residuals and the largest sectors of MRIO tables')
    .argument('<tables...>', 'table files, directories, "demo" or "wiod2013[:YEAR]"')
    .option('--top <n>', 'number of top sectors to list', '10')
    .option('--json', 'print JSON')
    .action(async (tables: string[], opts: { top: string; json?: boolean }) => {
      const top = intOption('top', opts.top, 0);
      const out: unknown[] = [];
      for (const p of expandTableArgs(tables)) {
        const t0 = performance.now();
        const t = await loadTable(p);
        const secs = (performance.now() - t0) / 1000;
        const s = summarize(t, top);
        if (opts.json) out.push({ ...s, readSeconds: secs });
        else process.stdout.write(`${formatSummary(s)}\n  read in ${secs.toFixed(2)} s\n\n`);
      }
      if (opts.json) process.stdout.write(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
    });
}
