/** `gvc study <name>`: run a study end to end (panel, estimates, tables, figures, report.html). */
import type { Command } from 'commander';
import { OptionError } from '../../errors.js';
import { runStudy, studyNames } from '../../study/runner.js';

interface StudyOpts {
  data?: string;
  years?: string;
  countries?: string;
  out: string;
  option: string[];
  sectors?: string;
  png: boolean;
}

function parseOption(kv: string, acc: string[]): string[] {
  return [...acc, kv];
}

export function register(program: Command): void {
  program
    .command('study')
    .description(`run a study end to end and write its panel, estimates, tables, figures and report.html (studies: ${studyNames().join(', ')})`)
    .argument('<name>', 'study name')
    .option('--data <dir|files>', 'directory of yearly tables or comma-separated files (default: the data shipped with gvc)')
    .option('--years <first-last>', 'estimation window, e.g. 1996-2011 (the year before is read too)')
    .option('--countries <list>', 'comma-separated partner countries (default: the study\'s list)')
    .option('--sectors <mode>', 'sector detail: aggregated (default) or native')
    .option('--option <key=value>', 'study option, repeatable (e.g. attribution=local, fta=broad, winsor=off, covariates=file.csv)', parseOption, [])
    .option('--no-png', 'skip PNG rendering of the figures')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (name: string, opts: StudyOpts) => {
      const options: Record<string, string> = {};
      for (const kv of opts.option) {
        const k = kv.indexOf('=');
        if (k <= 0) throw new OptionError(`--option expects key=value, got "${kv}".`);
        options[kv.slice(0, k).trim()] = kv.slice(k + 1).trim();
      }
      if (opts.sectors) options.sectors = opts.sectors;
      const r = await runStudy(name, { data: opts.data, years: opts.years, countries: opts.countries, out: opts.out, options, png: opts.png });
      process.stdout.write(`${name}: ${r.written.length} files written to ${opts.out} in ${r.seconds.toFixed(1)} s (report: ${opts.out}/report.html)\n`);
    });
}
