/**
 * `gvc convert <table> --out <file.gvcb|file.csv> [--aggregate mapping.csv] [--year Y] [--format F]`
 *
 * Read any table readTable understands and write it as the .gvcb binary cache (src/node/gvcb.ts) or as
 * a labeled wide CSV. --aggregate takes a CSV with columns from,to; each "from" must be a sector or a
 * country label of the table (which one is decided by the label; a label that is both is an error),
 * and labels the mapping does not mention keep their own name. Balance residuals of the table read are
 * printed on stderr (reported, never fixed).
 */
import type { Command } from 'commander';
import { InputError, OptionError } from '../../errors.js';
import { aggregate, parseMapping } from '../../mrio/aggregate.js';
import { diagnose } from '../../mrio/diagnose.js';
import type { MrioTable } from '../../mrio/table.js';
import { toLabeledCsv } from '../../mrio/write/labeled-csv.js';
import { readText, writeAtomic } from '../../node/files.js';
import { writeGvcb } from '../../node/gvcb.js';
import { readTable, type TableFormat } from '../../node/read-table.js';

/** Split one from,to mapping into sector and country mappings for table t. */
export function splitMapping(t: MrioTable, m: Map<string, string>, src: string): { sectors?: Map<string, string>; countries?: Map<string, string> } {
  const cs = new Set(t.countries);
  const ss = new Set(t.sectors);
  const sectors = new Map<string, string>();
  const countries = new Map<string, string>();
  for (const [from, to] of m) {
    if (cs.has(from) && ss.has(from)) throw new InputError(`${src}: "${from}" is both a country and a sector of the table.`);
    if (cs.has(from)) countries.set(from, to);
    else if (ss.has(from)) sectors.set(from, to);
    else throw new InputError(`${src}: "${from}" is neither a country nor a sector of the table.`);
  }
  const fill = (labels: string[], map: Map<string, string>) => {
    if (map.size === 0) return undefined;
    for (const l of labels) if (!map.has(l)) map.set(l, l);
    return map;
  };
  return { sectors: fill(t.sectors, sectors), countries: fill(t.countries, countries) };
}

export function register(program: Command): void {
  program
    .command('convert')
    .description('convert any MRIO table (OECD, Eora26, WIOD, ADB, EXIOBASE 3, GLORIA, icio user, CSV) to the .gvcb cache or a labeled CSV')
    .argument('<table>', 'table file or folder')
    .requiredOption('--out <file>', 'output: .gvcb (binary cache) or .csv (labeled wide CSV)')
    .option('--aggregate <mapping>', 'CSV with columns from,to mapping sectors and/or countries to groups')
    .option('--year <year>', 'year to read when the source holds several')
    .option('--format <format>', 'skip detection: gvcb, labeled-csv, icio-user, oecd, eora26, wiod, exiobase3, gloria')
    .action(async (path: string, opts: { out: string; aggregate?: string; year?: string; format?: string }) => {
      if (!/\.(gvcb|csv)$/i.test(opts.out)) throw new OptionError(`--out ${opts.out}: the file name must end in .gvcb or .csv.`);
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new OptionError(`--year must be a four-digit year, got "${opts.year}".`);
      const t0 = performance.now();
      let t = await readTable(path, { year: opts.year ? Number(opts.year) : undefined, format: opts.format as TableFormat | undefined });
      const d = diagnose(t);
      process.stderr.write(
        `${path}: ${t.countries.length} countries x ${t.sectors.length} sectors, read in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
          `row balance residual ${d.rowBalance.maxRel.toExponential(2)} (at ${d.rowBalance.atRel || '-'}), column ${d.colBalance.maxRel.toExponential(2)} (at ${d.colBalance.atRel || '-'})\n`,
      );
      if (opts.aggregate) {
        const m = parseMapping(readText(opts.aggregate), opts.aggregate);
        t = aggregate(t, splitMapping(t, m, opts.aggregate));
        process.stderr.write(`aggregated to ${t.countries.length} countries x ${t.sectors.length} sectors\n`);
      }
      if (/\.gvcb$/i.test(opts.out)) writeGvcb(opts.out, t);
      else writeAtomic(opts.out, toLabeledCsv(t));
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}
