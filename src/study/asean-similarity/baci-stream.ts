/**
 * One streaming pass over a BACI release for the ASEAN study (spec 5.2): each yearly (or multi-year) file is
 * read line by line through node:readline over a (gunzip) stream. Two pushdown filters on the exporter and
 * importer codes (read without parsing the rest of the line) decide what is kept; kept rows are validated
 * by the shared parser (src/io/baci.ts: t = file year, i != j, v > 0, numeric cells, k padded to 6 digits),
 * so memory grows with the kept flows only, never with the file:
 *   - ESI: rows whose exporter is a sample country or a reference (and whose importer is in the market);
 *   - Import: rows whose importer is a sample country (only two sums per importer-year are kept).
 * Duplicate (t,i,j,k) is checked among kept rows with compact numeric keys, cleared after each file.
 *
 * Adapter note: the shared readBaci() filters exporters AND importers; the study needs exporters OR
 * importers in one pass, so this file drives the shared BaciParser with its own OR filter.
 */
import { createReadStream, openSync, readSync, closeSync, statSync, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { InputError } from '../../errors.js';
import { BaciParser, baciYearFromName } from '../../io/baci.js';
import { ExportBaskets } from '../../indicators/similarity.js';
import { codesOf, iso3Of, type CountryTable } from '../../io/countries.js';

export interface StreamPlan {
  table: CountryTable;
  /** Sample exporters and references (ISO3). */
  exporters: readonly string[];
  references: readonly string[];
  market: 'world' | readonly string[];
  /** Importers whose import shares are computed (the sample), and the bloc of partners. */
  importers: readonly string[];
  bloc: readonly string[];
  years: readonly number[];
}

export interface ImportSums {
  total: number;
  bloc: number;
}

export interface FileRead {
  path: string;
  bytes: number;
  rows: number;
  kept: number;
  years: number[];
  skipped?: string;
}

export interface StreamResult {
  baskets: ExportBaskets;
  /** `${iso3}|${year}` -> import sums. */
  imports: Map<string, ImportSums>;
  files: FileRead[];
  /** Years with at least one row read. */
  years: number[];
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Positions of the i and j columns in the header. */
function headerPositions(header: string): [number, number] {
  const h = header.replace(/^\uFEFF/, '').split(',').map((x) => x.trim().replace(/^"|"$/g, '').toLowerCase());
  return [h.indexOf('i'), h.indexOf('j')];
}

/**
 * Pushdown: exporter and importer codes of a line without parsing the rest, or undefined when the line
 * needs the full parser (quotes, blanks, non-integers), which then validates it and names the error.
 */
function quickIJ(line: string, [pi, pj]: [number, number]): [number, number] | undefined {
  if (pi < 0 || pj < 0 || line.includes('"')) return undefined;
  let field = 0;
  let start = 0;
  let i = NaN;
  let j = NaN;
  for (let c = 0; c <= line.length; c++) {
    if (c === line.length || line.charCodeAt(c) === 44) {
      if (field === pi) i = Number(line.slice(start, c));
      else if (field === pj) j = Number(line.slice(start, c));
      field++;
      start = c + 1;
      if (field > pi && field > pj) break;
    }
  }
  return Number.isInteger(i) && Number.isInteger(j) ? [i, j] : undefined;
}

/** Numeric code -> ISO3 for the countries the plan names (others are not needed by name). */
function codeSets(plan: StreamPlan) {
  const label = new Map<number, string>();
  const add = (names: readonly string[]) => {
    const set = new Set<number>();
    for (const nm of names) {
      for (const c of codesOf(plan.table, nm)) {
        set.add(c);
        label.set(c, iso3Of(plan.table, c));
      }
    }
    return set;
  };
  const tracked = add([...plan.exporters, ...plan.references]);
  const market = plan.market === 'world' ? undefined : add(plan.market);
  const importers = add(plan.importers);
  const bloc = add(plan.bloc);
  return { label, tracked, market, importers, bloc };
}

/** Stream every file once and collect export baskets and import sums (see the file comment). */
export async function streamBaci(files: readonly string[], plan: StreamPlan): Promise<StreamResult> {
  const sets = codeSets(plan);
  const name = (c: number) => sets.label.get(c) ?? iso3Of(plan.table, c);
  const baskets = new ExportBaskets([...plan.exporters, ...plan.references], plan.market === 'world' ? 'world' : [...plan.market]);
  const imports = new Map<string, ImportSums>();
  const wanted = new Set(plan.years);
  const seenYears = new Set<number>();
  const reads: FileRead[] = [];
  for (const path of files) {
    if (!existsSync(path)) throw new InputError(`${path}: no such file.`);
    const bytes = statSync(path).size;
    const fileYear = baciYearFromName(path);
    if (fileYear !== undefined && !wanted.has(fileYear)) {
      reads.push({ path, bytes, rows: 0, kept: 0, years: [], skipped: `year ${fileYear} is not a study year` });
      continue;
    }
    const parser = new BaciParser(path, { checkDuplicates: false }, fileYear);
    const seen = new Map<number, Set<number>>();
    const raw = createReadStream(path);
    const input = isGzip(path) ? raw.pipe(createGunzip()) : raw;
    const rl = createInterface({ input, crlfDelay: Infinity });
    let lineNo = 0;
    let kept = 0;
    let total = 0;
    let pos: [number, number] = [1, 2];
    const years = new Set<number>();
    try {
      for await (const line of rl) {
        lineNo++;
        if (lineNo === 1) {
          parser.header(line);
          pos = headerPositions(line);
          continue;
        }
        if (line.trim() === '') continue;
        total++;
        const ij = quickIJ(line, pos);
        if (ij && !(sets.tracked.has(ij[0]) && (sets.market === undefined || sets.market.has(ij[1]))) && !sets.importers.has(ij[1])) continue;
        const r = parser.line(line, lineNo);
        if (!r || !wanted.has(r.t)) continue;
        const forEsi = sets.tracked.has(r.i) && (sets.market === undefined || sets.market.has(r.j));
        const forImport = sets.importers.has(r.j);
        if (!forEsi && !forImport) continue;
        let s = seen.get(r.t);
        if (!s) seen.set(r.t, (s = new Set()));
        const key = (r.i * 10000 + r.j) * 1e6 + Number(r.k);
        if (s.has(key)) throw new InputError(`${path}: row ${lineNo} repeats (t,i,j,k) = (${r.t},${r.i},${r.j},${r.k}).`);
        s.add(key);
        kept++;
        years.add(r.t);
        const exp = name(r.i);
        const imp = name(r.j);
        if (forEsi) baskets.add({ year: r.t, exporter: exp, importer: imp, product: r.k, value: r.v });
        if (forImport) {
          const k = `${imp}|${r.t}`;
          let acc = imports.get(k);
          if (!acc) imports.set(k, (acc = { total: 0, bloc: 0 }));
          acc.total += r.v;
          if (sets.bloc.has(r.i) && exp !== imp) acc.bloc += r.v;
        }
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${path}: read failed near row ${lineNo} (${(e as Error).message}).`);
    } finally {
      rl.close();
      raw.destroy();
    }
    if (lineNo === 0) throw new InputError(`${path}: the file is empty.`);
    for (const y of years) seenYears.add(y);
    reads.push({ path, bytes, rows: total, kept, years: [...years].sort((a, b) => a - b) });
  }
  return { baskets, imports, files: reads, years: [...seenYears].sort((a, b) => a - b) };
}
