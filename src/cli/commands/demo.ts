/** `gvc demo [--out file.csv]`: the generated demo world MRIO (10 countries x 8 sectors), summary or CSV. */
import type { Command } from 'commander';
import { demoWorld } from '../../mrio/demo.js';
import { formatSummary, summarize } from '../../mrio/summary.js';
import { toLabeledCsv } from '../../mrio/write/labeled-csv.js';
import { writeAtomic } from '../../node/files.js';
import { OptionError } from '../../errors.js';

/** An integer option value >= min, else a usage error naming the flag. */
export function intOption(name: string, s: string, min: number): number {
  const v = Number(s);
  if (!/^\s*-?\d+\s*$/.test(s) || !Number.isSafeInteger(v) || v < min) throw new OptionError(`--${name} must be an integer >= ${min}, got "${s}".`);
  return v;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('generate the demo world MRIO; print its summary or write it as labeled CSV')
    .option('--countries <n>', 'number of countries', '10')
    .option('--sectors <n>', 'number of sectors', '8')
    .option('--seed <n>', 'random seed', '2024')
    .option('--out <file>', 'write the table as labeled CSV')
    .action((opts: { countries: string; sectors: string; seed: string; out?: string }) => {
      const t = demoWorld({
        countries: intOption('countries', opts.countries, 1),
        sectors: intOption('sectors', opts.sectors, 1),
        seed: intOption('seed', opts.seed, 0),
      });
      if (opts.out) {
        writeAtomic(opts.out, toLabeledCsv(t));
        process.stderr.write(`wrote ${opts.out}\n`);
      } else process.stdout.write(formatSummary(summarize(t)) + '\n');
    });
}
