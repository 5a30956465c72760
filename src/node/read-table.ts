/**
 * Node edge: read any supported MRIO table from a path, detecting its format.
 *
 * Detection rules (first match wins; `opts.format` overrides them):
 *   file starting with "GVCB"                          -> .gvcb binary cache (src/node/gvcb.ts)
 *   zip archive                                        -> by its entries: A.txt + Y.txt -> EXIOBASE 3;
 *                                                         a single CSV -> that CSV, detected as below
 *   *.xlsx / *.xlsm                                    -> GLORIA when it is a GLORIA_ReadMe workbook
 *                                                         (the release folder beside it is read), else
 *                                                         the WIOD layout family (WIOD 2013/2016, ADB MRIO)
 *   directory with Eora26_YYYY_{bp,pp}_T.txt + labels_T.txt  -> Eora26
 *   directory with A.txt and Y.txt (or one subfolder that has them) -> EXIOBASE 3
 *   directory with GLORIA_ReadMe_*.xlsx                -> GLORIA
 *   directory with ICIO*YYYY.csv files                 -> OECD ICIO of opts.year (or the only one)
 *   text (gzip allowed), header line:
 *     "country,sector,..."                             -> labeled wide CSV (src/mrio/read/labeled-csv.ts)
 *     COUNTRY_SECTOR labels with OUT/OUTPUT/TOTAL      -> OECD ICIO
 *     numbers only                                     -> Stata icio "user" table; the country list is
 *                                                         opts.countryList or the one *countr*.csv beside it
 * Years come from opts.year, else the last 19xx/20xx in the file or folder name (ICIO2018_2010 -> 2010),
 * else the contents (WIOD sheet name, EXIOBASE metadata.json).
 */
import { existsSync, readdirSync, statSync, readFileSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, dirname, join, extname } from 'node:path';
import { InputError, OptionError } from '../errors.js';
import { parseLabeledCsv } from '../mrio/read/labeled-csv.js';
import { parseEora26 } from '../mrio/read/eora/eora26.js';
import { parseExiobase3, type Exio3Files } from '../mrio/read/exiobase/exio3.js';
import { parseGloria, gloriaLabelsFromSheets } from '../mrio/read/gloria/gloria.js';
import { parseIcioUser } from '../mrio/read/icio/user.js';
import { parseOecdIcio } from '../mrio/read/oecd/icio.js';
import { parseWiotSheet } from '../mrio/read/wiod/wiot.js';
import type { MrioTable } from '../mrio/table.js';
import { readBytes } from './files.js';
import { isGvcb, readGvcb } from './gvcb.js';
import { readXlsx } from './xlsx.js';
import { isZip, openZip } from './zip.js';

export const TABLE_FORMATS = ['gvcb', 'labeled-csv', 'icio-user', 'oecd', 'eora26', 'wiod', 'exiobase3', 'gloria'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface ReadTableOptions {
  /** Skip detection. */
  format?: TableFormat;
  year?: number;
  /** Eora26 and GLORIA: basic ('bp', default) or purchasers' ('pp') prices. */
  price?: 'bp' | 'pp';
  /** icio user format: path of the country list. */
  countryList?: string;
  /** icio user format: sector names. */
  sectors?: string[];
  /** icio user format: final-use names. */
  fdCategories?: string[];
  /** WIOD/ADB workbooks: the sheet to read (default: the first with a table). */
  sheet?: string;
}

/** The last plausible year (1950-2099) in a name: ICIO2018_2010.CSV -> 2010. */
export function lastYearInName(name: string): number | undefined {
  const all = [...name.matchAll(/(?<![0-9])((?:19[5-9]|20[0-9])[0-9])(?![0-9])/g)];
  return all.length > 0 ? Number(all[all.length - 1][1]) : undefined;
}

function head(path: string, n = 8): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function firstLine(bytes: Uint8Array): string {
  let e = 0;
  while (e < bytes.length && bytes[e] !== 10 && e < 1 << 22) e++;
  return new TextDecoder().decode(bytes.subarray(0, e)).replace(/^\uFEFF/, '').replace(/\r$/, '');
}

function sniffText(bytes: Uint8Array): TableFormat {
  const line = firstLine(bytes);
  const fields = line.split(/[,;\t]/).map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
  if (fields.length >= 2 && fields[0].toLowerCase() === 'country' && fields[1].toLowerCase() === 'sector') return 'labeled-csv';
  if (fields.length > 0 && fields.every((f) => f === '' || !Number.isNaN(Number(f)))) return 'icio-user';
  const up = fields.map((f) => f.toUpperCase());
  if (up.some((f) => f === 'OUT' || f === 'TOTAL' || f === 'OUTPUT') && fields.some((f) => /^[A-Z0-9]{2,3}_./.test(f))) return 'oecd';
  if (fields.filter((f) => /^[A-Z0-9]{2,3}_./.test(f)).length > fields.length / 2) return 'oecd';
  throw new InputError(`cannot tell the table format from the header line ("${line.slice(0, 80)}"); pass a format.`);
}

function readTextTable(bytes: Uint8Array, format: TableFormat, path: string, opts: ReadTableOptions, year: number | undefined): MrioTable {
  switch (format) {
    case 'labeled-csv':
      return parseLabeledCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { source: path, year });
    case 'oecd':
      return parseOecdIcio(bytes, { source: path, year });
    case 'icio-user': {
      const list = opts.countryList ?? findCountryList(path);
      return parseIcioUser(bytes, readFileSync(list, 'utf8'), {
        source: path,
        countryListSource: list,
        year,
        sectors: opts.sectors,
        fdCategories: opts.fdCategories,
      });
    }
    default:
      throw new InputError(`${path}: a ${format} table is not a single text file.`);
  }
}

function findCountryList(path: string): string {
  const dir = dirname(path);
  const cands = readdirSync(dir).filter((f) => /countr/i.test(f) && /\.csv$/i.test(f) && join(dir, f) !== path);
  if (cands.length !== 1) {
    throw new InputError(`${path}: an icio user table needs its country list; ${cands.length === 0 ? 'no' : 'more than one'} *countr*.csv file beside it (pass countryList).`);
  }
  return join(dir, cands[0]);
}

// ---------------------------------------------------------------- Eora26
function readEoraDir(dir: string, opts: ReadTableOptions): MrioTable {
  const price = opts.price ?? 'bp';
  const files = readdirSync(dir);
  const years = [...new Set(files.map((f) => f.match(/^Eora26_(\d{4})_(bp|pp)_T\.txt$/)).filter((m) => m && m[2] === price).map((m) => Number(m![1])))];
  const year = opts.year ?? (years.length === 1 ? years[0] : undefined);
  if (year === undefined) throw new OptionError(`${dir}: holds Eora26 years ${years.join(', ')}; choose one with a year option.`);
  const f = (k: string) => join(dir, `Eora26_${year}_${price}_${k}.txt`);
  const must = (p: string) => {
    if (!existsSync(p)) throw new InputError(`${p}: no such file (needed for the Eora26 table).`);
    return p;
  };
  const q = existsSync(f('Q')) && existsSync(join(dir, 'labels_Q.txt'));
  return parseEora26(
    {
      T: readBytes(must(f('T'))),
      FD: readBytes(must(f('FD'))),
      VA: readBytes(must(f('VA'))),
      Q: q ? readBytes(f('Q')) : undefined,
      labelsT: readFileSync(must(join(dir, 'labels_T.txt')), 'utf8'),
      labelsFD: readFileSync(must(join(dir, 'labels_FD.txt')), 'utf8'),
      labelsVA: readFileSync(must(join(dir, 'labels_VA.txt')), 'utf8'),
      labelsQ: q ? readFileSync(join(dir, 'labels_Q.txt'), 'utf8') : undefined,
      names: { T: f('T'), FD: f('FD'), VA: f('VA'), Q: f('Q'), labelsT: join(dir, 'labels_T.txt'), labelsFD: join(dir, 'labels_FD.txt'), labelsVA: join(dir, 'labels_VA.txt'), labelsQ: join(dir, 'labels_Q.txt') },
    },
    { source: dir, year },
  );
}

// ---------------------------------------------------------------- EXIOBASE 3
function exioYear(name: string, meta?: string): number | undefined {
  const y = lastYearInName(name);
  if (y !== undefined) return y;
  if (meta) {
    try {
      const m = JSON.parse(meta) as { description?: string; name?: string };
      return lastYearInName(`${m.description ?? ''} ${m.name ?? ''}`);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function readExioDir(dir: string, opts: ReadTableOptions): MrioTable {
  let root = dir;
  if (!existsSync(join(root, 'A.txt'))) {
    const subs = readdirSync(dir).filter((s) => statSync(join(dir, s)).isDirectory() && existsSync(join(dir, s, 'A.txt')));
    if (subs.length !== 1) throw new InputError(`${dir}: no A.txt (EXIOBASE 3 folder expected).`);
    root = join(dir, subs[0]);
  }
  const opt = (p: string) => (existsSync(p) ? p : undefined);
  const F = opt(join(root, 'satellite', 'F.txt'));
  const files: Exio3Files = {
    A: readBytes(join(root, 'A.txt')),
    Y: readBytes(join(root, 'Y.txt')),
    F: F ? readBytes(F) : undefined,
    satUnit: opt(join(root, 'satellite', 'unit.txt')) ? readFileSync(join(root, 'satellite', 'unit.txt'), 'utf8') : undefined,
    unit: opt(join(root, 'unit.txt')) ? readFileSync(join(root, 'unit.txt'), 'utf8') : undefined,
    names: { A: join(root, 'A.txt'), Y: join(root, 'Y.txt'), F },
  };
  const meta = opt(join(root, 'metadata.json')) ? readFileSync(join(root, 'metadata.json'), 'utf8') : undefined;
  return parseExiobase3(files, { source: dir, year: opts.year ?? exioYear(basename(root), meta) });
}

function readExioZip(path: string, opts: ReadTableOptions): MrioTable {
  const z = openZip(path);
  try {
    const find = (rel: string) => z.entries.find((e) => e.name === rel || e.name.endsWith('/' + rel));
    const base = (name: string) => name.split('/').slice(0, -1).join('/');
    const A = find('A.txt');
    if (!A || base(A.name).endsWith('satellite') || base(A.name).endsWith('impacts')) throw new InputError(`${path}: the archive has no A.txt.`);
    const root = base(A.name);
    const at = (rel: string) => z.entries.find((e) => e.name === (root ? `${root}/${rel}` : rel));
    const Y = at('Y.txt');
    if (!Y) throw new InputError(`${path}: the archive has no Y.txt beside ${A.name}.`);
    const F = at('satellite/F.txt');
    const su = at('satellite/unit.txt');
    const u = at('unit.txt');
    const meta = at('metadata.json');
    const files: Exio3Files = {
      A: z.read(A.name),
      Y: z.read(Y.name),
      F: F ? z.read(F.name) : undefined,
      satUnit: su ? z.read(su.name).toString('utf8') : undefined,
      unit: u ? z.read(u.name).toString('utf8') : undefined,
      names: { A: `${path}:${A.name}`, Y: `${path}:${Y.name}`, F: F ? `${path}:${F.name}` : undefined },
    };
    return parseExiobase3(files, { source: path, year: opts.year ?? exioYear(basename(path), meta ? z.read(meta.name).toString('utf8') : undefined) });
  } finally {
    z.close();
  }
}

// ---------------------------------------------------------------- GLORIA
async function readGloria(dir: string, readme: string, opts: ReadTableOptions): Promise<MrioTable> {
  const sheets = await readXlsx(readme);
  const labels = gloriaLabelsFromSheets(sheets, readme);
  const entries = readdirSync(dir);
  const mrios = entries.filter((e) => /^GLORIA_MRIOs_/i.test(e));
  const years = [...new Set(mrios.map((e) => lastYearInName(e)).filter((y): y is number => y !== undefined))];
  const year = opts.year ?? (years.length === 1 ? years[0] : undefined);
  if (year === undefined) throw new OptionError(`${dir}: holds GLORIA years ${years.join(', ') || '(none)'}; choose one with a year option.`);
  const markup = opts.price === 'pp' ? 'Markup005(full)' : 'Markup001(full)';
  const pickFrom = (prefix: RegExp) => {
    const e = mrios.concat(entries.filter((x) => /^GLORIA_SatelliteAccounts_/i.test(x))).find((x) => prefix.test(x) && lastYearInName(x) === year);
    return e ? join(dir, e) : undefined;
  };
  const mrioPath = pickFrom(/^GLORIA_MRIOs_/i);
  if (!mrioPath) throw new InputError(`${dir}: no GLORIA_MRIOs_*_${year} folder or zip.`);
  const satPath = pickFrom(/^GLORIA_SatelliteAccounts_/i);
  const getter = (p: string) => {
    if (statSync(p).isDirectory()) {
      const list = readdirSync(p);
      return {
        find: (pred: (name: string) => boolean) => {
          const f = list.find(pred);
          return f ? { bytes: readBytes(join(p, f)), name: join(p, f) } : undefined;
        },
        close: () => undefined,
      };
    }
    const z = openZip(p);
    return {
      find: (pred: (name: string) => boolean) => {
        const e = z.entries.find((x) => pred(x.name.split('/').pop() ?? x.name));
        return e ? { bytes: z.read(e.name), name: `${p}:${e.name}` } : undefined;
      },
      close: () => z.close(),
    };
  };
  const m = getter(mrioPath);
  try {
    const need = (kind: string, mk: string) => {
      const r = m.find((n) => n.includes(`_${kind}-Results_${year}_`) && n.endsWith(`_${mk}.csv`));
      if (!r) throw new InputError(`${mrioPath}: no ${kind}-Results file for ${year} (${mk}).`);
      return r;
    };
    const T = need('T', markup);
    const Y = need('Y', markup);
    const V = need('V', 'Markup001(full)');
    let TQ: { bytes: Buffer; name: string } | undefined;
    if (satPath) {
      const s = getter(satPath);
      try {
        TQ = s.find((n) => n.includes(`_TQ-Results_${year}_`) && n.endsWith('_Markup001(full).csv'));
      } finally {
        s.close();
      }
    }
    return parseGloria(
      { T: T.bytes, Y: Y.bytes, V: V.bytes, TQ: TQ?.bytes, labels, names: { T: T.name, Y: Y.name, V: V.name, TQ: TQ?.name, readme } },
      { source: dir, year },
    );
  } finally {
    m.close();
  }
}

// ---------------------------------------------------------------- WIOD family
async function readWiodBook(path: string, opts: ReadTableOptions): Promise<MrioTable> {
  const sheets = await readXlsx(path, opts.sheet ? (n) => n === opts.sheet : undefined);
  if (sheets.length === 0) throw new InputError(`${path}: no sheet${opts.sheet ? ` named "${opts.sheet}"` : ''}.`);
  let firstErr: unknown;
  for (const s of sheets) {
    try {
      const year = opts.year ?? lastYearInName(s.name) ?? lastYearInName(basename(path));
      return parseWiotSheet(s.cells, { source: `${path} [${s.name}]`, year });
    } catch (e) {
      firstErr ??= e;
    }
  }
  throw firstErr;
}

// ---------------------------------------------------------------- dispatcher
/** Read one table from a file or folder (see the detection rules above). */
export async function readTable(path: string, opts: ReadTableOptions = {}): Promise<MrioTable> {
  if (opts.format !== undefined && !(TABLE_FORMATS as readonly string[]).includes(opts.format)) {
    throw new OptionError(`unknown table format "${opts.format}"; valid formats: ${TABLE_FORMATS.join(', ')}.`);
  }
  if (!existsSync(path)) throw new InputError(`${path}: no such file or directory.`);
  const nameYear = lastYearInName(basename(path));
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path);
    const fmt =
      opts.format ??
      (files.some((f) => /^Eora26_\d{4}_(bp|pp)_T\.txt$/.test(f)) && files.includes('labels_T.txt')
        ? 'eora26'
        : files.includes('A.txt') && files.includes('Y.txt')
          ? 'exiobase3'
          : files.some((f) => /^GLORIA_ReadMe_.*\.xlsx$/i.test(f))
            ? 'gloria'
            : files.some((f) => /^ICIO.*\.csv(\.gz)?$/i.test(f))
              ? 'oecd'
              : readdirSync(path).some((s) => statSync(join(path, s)).isDirectory() && existsSync(join(path, s, 'A.txt')))
                ? 'exiobase3'
                : undefined);
    switch (fmt) {
      case 'eora26':
        return readEoraDir(path, opts);
      case 'exiobase3':
        return readExioDir(path, opts);
      case 'gloria': {
        const readme = files.filter((f) => /^GLORIA_ReadMe_.*\.xlsx$/i.test(f)).sort().pop();
        if (!readme) throw new InputError(`${path}: no GLORIA_ReadMe_*.xlsx workbook.`);
        return readGloria(path, join(path, readme), opts);
      }
      case 'oecd': {
        const cands = files.filter((f) => /^ICIO.*\.csv(\.gz)?$/i.test(f) && (opts.year === undefined || lastYearInName(f) === opts.year));
        if (cands.length !== 1) throw new OptionError(`${path}: ${cands.length} OECD ICIO files match; choose one with a year option (found ${files.filter((f) => /^ICIO/i.test(f)).join(', ')}).`);
        return readTable(join(path, cands[0]), { ...opts, format: 'oecd' });
      }
      default:
        throw new InputError(`${path}: a folder that is neither Eora26, EXIOBASE 3, GLORIA nor OECD ICIO.`);
    }
  }
  const h = head(path);
  if (opts.format === 'gvcb' || isGvcb(h)) return readGvcb(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xlsb' || opts.format === 'wiod') {
    if (/^GLORIA_ReadMe/i.test(basename(path))) return readGloria(dirname(path), path, opts);
    return readWiodBook(path, opts);
  }
  if (isZip(h)) {
    const z = openZip(path);
    let csvName: string | undefined;
    let isExio = false;
    try {
      isExio = z.entries.some((e) => /(^|\/)A\.txt$/.test(e.name)) && z.entries.some((e) => /(^|\/)Y\.txt$/.test(e.name));
      if (!isExio) {
        const csvs = z.entries.filter((e) => /\.(csv|txt)$/i.test(e.name));
        if (csvs.length !== 1) throw new InputError(`${path}: the archive holds ${csvs.length} CSV files; expected one table (or an EXIOBASE 3 A.txt/Y.txt).`);
        csvName = csvs[0].name;
        const bytes = z.read(csvName);
        const fmt = opts.format ?? sniffText(bytes);
        return readTextTable(bytes, fmt, `${path}:${csvName}`, opts, opts.year ?? lastYearInName(basename(csvName)) ?? nameYear);
      }
    } finally {
      z.close();
    }
    return readExioZip(path, opts);
  }
  const bytes = readBytes(path);
  const fmt = opts.format ?? sniffText(bytes);
  return readTextTable(bytes, fmt, path, opts, opts.year ?? nameYear);
}

export interface SeriesEntry {
  year: number;
  table: MrioTable;
}

/**
 * Read many years (one path per year); each year comes from the table (reader) or the path name.
 * Sorted by year; two paths of the same year, or one without a year, are errors.
 */
export async function readSeries(paths: string[], opts: Omit<ReadTableOptions, 'year'> = {}): Promise<SeriesEntry[]> {
  const out: SeriesEntry[] = [];
  const seen = new Map<number, string>();
  for (const p of paths) {
    const table = await readTable(p, opts);
    const year = table.year ?? lastYearInName(basename(p));
    if (year === undefined) throw new InputError(`${p}: no year in the file name or contents.`);
    const prev = seen.get(year);
    if (prev) throw new InputError(`${p}: year ${year} is already given by ${prev}.`);
    seen.set(year, p);
    table.year = year;
    out.push({ year, table });
  }
  out.sort((a, b) => a.year - b.year);
  return out;
}
