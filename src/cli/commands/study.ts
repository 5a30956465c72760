/**
 * `gvc study <name>`: run a study end to end (panel, estimates, tables, figures, report.html).
 *
 * Studies with a command line of their own in their spec (city-transfer, spec 6.1) receive the raw
 * arguments after the name. For the others, the common flags below apply, and any other `--flag value`
 * (or bare `--flag`) is passed to the study as the option `flag` (kebab-case turned to snake_case; a bare
 * flag is "1"), so `--bootstrap 500` equals `--option bootstrap=500` and `--drop-china` equals
 * `--option drop_china=1`.
 */
import type { Command } from 'commander';
import { OptionError } from '../../errors.js';
import { runStudy, studyNames } from '../../study/runner.js';

interface StudyOpts {
  data?: string;
  years?: string;
  countries?: string;
  out?: string;
  option: string[];
  sectors?: string;
  png: boolean;
}

/** Studies whose spec defines their own flags and exit statuses: name -> main(argv) returning the exit status. */
const OWN_CLI: Record<string, () => Promise<(argv: readonly string[]) => Promise<number>>> = {
  'city-transfer': async () => (await import('../../study/city-transfer/cli.js')).cityTransferMain,
};

function parseOption(kv: string, acc: string[]): string[] {
  return [...acc, kv];
}

/** Turn the unknown `--flag [value]` arguments commander left over into study options. */
export function passthroughOptions(rest: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new OptionError(`unexpected argument "${a}" (study options are --flag value or --option key=value).`);
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const key = flag.replace(/-/g, '_');
    if (eq > 0) out[key] = a.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) out[key] = rest[++i];
    else out[key] = '1';
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('study')
    .description(`run a study end to end and write its panel, estimates, tables, figures and report.html (studies: ${[...studyNames(), ...Object.keys(OWN_CLI).filter((n) => !studyNames().includes(n))].join(', ')})`)
    .argument('<name>', 'study name')
    .option('--data <dir|files>', 'directory of yearly tables or comma-separated files (default: the data shipped with gvc)')
    .option('--years <first-last>', 'estimation window, e.g. 1996-2011 (the year before is read too)')
    .option('--countries <list>', 'comma-separated partner countries (default: the study\'s list)')
    .option('--sectors <mode>', 'sector detail: aggregated (default) or native')
    .option('--option <key=value>', 'study option, repeatable (e.g. attribution=local, fta=broad, winsor=off, covariates=file.csv)', parseOption, [])
    .option('--no-png', 'skip PNG rendering of the figures')
    .option('--out <dir>', 'output directory (default: out/<name>)')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(async (name: string, opts: StudyOpts, cmd: Command) => {
      const own = OWN_CLI[name];
      if (own) {
        const i = process.argv.indexOf(name);
        const argv = i >= 0 ? process.argv.slice(i + 1) : [];
        const status = await (await own())(argv);
        if (status !== 0) process.exit(status);
        return;
      }
      const options: Record<string, string> = passthroughOptions(cmd.args.slice(1));
      if (name === 'asean-similarity') {
        // spec 5.5: --data DIR | --synthetic [--seed N] [--noise SD]; neither runs the synthetic release
        const { aseanCliAction } = await import('../../study/asean-similarity/cli.js');
        const { synthetic, seed, noise, ...rest } = options;
        for (const kv of opts.option) {
          const k = kv.indexOf('=');
          if (k <= 0) throw new OptionError(`--option expects key=value, got "${kv}".`);
          rest[kv.slice(0, k).trim()] = kv.slice(k + 1).trim();
        }
        const flags = { data: opts.data, synthetic: synthetic !== undefined, seed, noise, out: opts.out ?? `out/${name}`, png: opts.png };
        return aseanCliAction(flags, rest);
      }
      for (const kv of opts.option) {
        const k = kv.indexOf('=');
        if (k <= 0) throw new OptionError(`--option expects key=value, got "${kv}".`);
        options[kv.slice(0, k).trim()] = kv.slice(k + 1).trim();
      }
      if (opts.sectors) options.sectors = opts.sectors;
      const out = opts.out ?? `out/${name}`;
      const r = await runStudy(name, { data: opts.data, years: opts.years, countries: opts.countries, out, options, png: opts.png });
      process.stdout.write(`${name}: ${r.written.length} files written to ${out} in ${r.seconds.toFixed(1)} s (report: ${out}/report.html)\n`);
    });
}
