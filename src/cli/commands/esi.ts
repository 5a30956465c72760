/**
 * `gvc esi <baci files..> --exporters A,B[,C] [--market world|USA|A,B] [--level 6|4|2] [--exclude-mutual]
 *  [--references USA,DEU --combine mean|pooled|none] [--country-table FILE] [--json]`
 *
 * Export similarity (Finger-Kreinin) from BACI HS6 files (asean-similarity spec 5.5). Pairwise mode compares
 * every pair of --exporters (e1 before e2 in the given order) in the market, one comparison per year present;
 * with --references each exporter is compared with the references instead (reference mode). Countries are
 * ISO3 codes or BACI numeric codes, mapped through the release's country table (country_codes_V*.csv next to
 * the first file, or --country-table) or the built-in ISO table with BACI's exceptions.
 * Exit status: 0 success, 1 data or validation error (one line), 2 usage error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { InputError, OptionError } from '../../errors.js';
import { readText } from '../../node/files.js';
import { readBaci, baciRevisionFromName } from '../../io/baci.js';
import { builtinCountryTable, codesOf, iso3Of, parseCountryTable, type CountryTable } from '../../io/countries.js';
import {
  ExportBaskets, esiPairwise, esiReference, type Combine, type EsiComparison, type HsLevel,
} from '../../indicators/similarity.js';

interface EsiCliOptions {
  exporters: string;
  market?: string;
  level?: string;
  excludeMutual?: boolean;
  references?: string;
  combine?: string;
  countryTable?: string;
  json?: boolean;
}

function list(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

function findCountryTable(files: string[], explicit?: string): { table: CountryTable; from: string } {
  if (explicit) return { table: parseCountryTable(readText(explicit), explicit), from: explicit };
  const dir = dirname(files[0]);
  const hit = existsSync(dir) ? readdirSync(dir).filter((f) => /^country_codes.*\.csv(\.gz)?$/i.test(f)).sort() : [];
  if (hit.length > 0) {
    const p = join(dir, hit[hit.length - 1]);
    return { table: parseCountryTable(readText(p), p), from: p };
  }
  return { table: builtinCountryTable(), from: 'built-in ISO 3166 table with BACI exceptions' };
}

const round6 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

/** Run the comparison; returns the JSON document (exported for tests). */
export async function runEsi(files: string[], o: EsiCliOptions): Promise<Record<string, unknown>> {
  const level = Number(o.level ?? '6');
  if (level !== 6 && level !== 4 && level !== 2) throw new OptionError(`--level must be 6, 4 or 2, got "${o.level}".`);
  const combine = (o.combine ?? 'mean') as Combine;
  if (!['mean', 'pooled', 'none'].includes(combine)) throw new OptionError(`--combine must be mean, pooled or none, got "${o.combine}".`);
  const exporters = list(o.exporters);
  const references = o.references ? list(o.references) : [];
  if (references.length === 0 && exporters.length < 2) throw new OptionError('--exporters needs at least two countries (pairwise mode) or add --references.');
  if (references.length > 0 && exporters.length < 1) throw new OptionError('--exporters needs at least one country.');
  const revs = new Set(files.map((f) => baciRevisionFromName(f)).filter((r): r is string => r !== undefined));
  if (revs.size > 1) throw new InputError(`the files mix HS revisions (${[...revs].join(', ')}); use one revision.`);
  const { table } = findCountryTable(files, o.countryTable);

  // user names -> labels; every numeric code of a name maps to the label the user gave (upper-cased ISO3)
  const codeLabel = new Map<number, string>();
  const label = (name: string): string => {
    const codes = codesOf(table, name);
    const lab = /^\d+$/.test(name.trim()) ? iso3Of(table, codes[0]) : name.trim().toUpperCase();
    for (const c of codes) codeLabel.set(c, lab);
    return lab;
  };
  const ex = exporters.map(label);
  const refs = references.map(label);
  const marketArg = (o.market ?? 'world').trim();
  const market: 'world' | string[] = marketArg.toLowerCase() === 'world' ? 'world' : list(marketArg).map(label);
  if (market !== 'world') {
    const clash = [...ex, ...refs].filter((e) => market.includes(e));
    if (clash.length) throw new InputError(`the market contains the compared exporter(s) ${clash.join(', ')}; a third-market comparison needs a market without them.`);
  }
  const name = (code: number) => codeLabel.get(code) ?? iso3Of(table, code);
  const tracked = [...ex, ...refs];
  const col = new ExportBaskets(tracked, market);
  const exporterCodes = new Set<number>();
  for (const [c, l] of codeLabel) if (tracked.includes(l)) exporterCodes.add(c);
  const importerCodes = market === 'world' ? undefined : new Set([...codeLabel].filter(([, l]) => market.includes(l)).map(([c]) => c));
  for (const f of files) {
    await readBaci(f, (r) => col.add({ year: r.t, exporter: name(r.i), importer: name(r.j), product: r.k, value: r.v }), {
      exporters: exporterCodes,
      importers: importerCodes,
    });
  }
  const opts = { level: level as HsLevel, excludeMutual: o.excludeMutual === true };
  const rows: EsiComparison[] = refs.length > 0 ? esiReference(col, ex, refs, { ...opts, combine }) : esiPairwise(col, ex, opts);
  const comparisons = rows.map((r) => {
    const out: Record<string, unknown> = {
      year: r.year, e1: r.e1, e2: r.e2, esi: r.esi,
      n_products_e1: Number.isFinite(r.n_products_e1) ? r.n_products_e1 : null,
      n_products_e2: Number.isFinite(r.n_products_e2) ? r.n_products_e2 : null,
      n_common: Number.isFinite(r.n_common) ? r.n_common : null,
      value_e1: round6(r.value_e1), value_e2: round6(r.value_e2),
    };
    if (r.reason) out.reason = r.reason;
    return out;
  });
  const doc: Record<string, unknown> = { level, market, exclude_mutual: opts.excludeMutual };
  if (refs.length > 0) {
    doc.references = refs;
    doc.combine = combine;
  }
  doc.comparisons = comparisons;
  return doc;
}

function formatTable(doc: Record<string, unknown>): string {
  const rows = doc.comparisons as Array<Record<string, unknown>>;
  const head = ['year', 'e1', 'e2', 'esi', 'n_products_e1', 'n_products_e2', 'n_common', 'value_e1', 'value_e2'];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(6) : String(v));
  const body = rows.map((r) => head.map((h) => cell(r[h])).concat(r.reason ? [`(${String(r.reason)})`] : []));
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k].length)));
  const line = (cells: string[]) => cells.map((c, k) => (k < head.length ? c.padStart(widths[k]) : c)).join('  ');
  const mk = Array.isArray(doc.market) ? (doc.market as string[]).join(',') : String(doc.market);
  return [`ESI (Finger-Kreinin, [0,1]), HS${doc.level}, market ${mk}${doc.exclude_mutual ? ', mutual flows excluded' : ''}`, line(head), ...body.map(line)].join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('esi')
    .description('export similarity index (Finger-Kreinin) of exporters in a market, from BACI HS6 files')
    .argument('<files...>', 'BACI CSV files (plain or .gz), one HS revision')
    .requiredOption('--exporters <list>', 'countries to compare (ISO3 or BACI codes, comma separated)')
    .option('--market <market>', 'world (default), one country, or a comma list (their union)', 'world')
    .option('--level <n>', 'HS digits: 6, 4 or 2', '6')
    .option('--exclude-mutual', 'drop the flows between the two compared exporters')
    .option('--references <list>', 'reference mode: compare each exporter with these reference exporters')
    .option('--combine <how>', 'reference mode: mean (default), pooled or none', 'mean')
    .option('--country-table <file>', 'BACI country_codes CSV (default: the one next to the files, else built-in)')
    .option('--json', 'print JSON')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action(async (files: string[], opts: EsiCliOptions) => {
      try {
        const doc = await runEsi(files, opts);
        process.stdout.write(opts.json ? JSON.stringify(doc, null, 2) + '\n' : formatTable(doc));
      } catch (e) {
        if (e instanceof OptionError) {
          process.stderr.write(`gvc: ${e.message}\n`);
          process.exit(2);
        }
        throw e;
      }
    });
}
