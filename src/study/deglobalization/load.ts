/**
 * Reading the MRIO tables of the deglobalization study: one labeled-CSV table per year (WIOD 2013 shipped in
 * data/wiod2013), every input year is read (Figure 1 and Table 4 use them all; the panel lists them all),
 * and the estimation window needs its own years plus the year before (for growth).
 */
import { InputError } from '../../errors.js';
import { buildModel } from '../../mrio/model.js';
import { parseLabeledCsv } from '../../mrio/read/labeled-csv.js';
import { yearFromName } from '../../node/files.js';
import type { DeglobConfig } from './config.js';
import { yearMeasures, type YearMeasures } from './measures.js';

export function filesByYear(files: readonly string[]): Array<[number, string]> {
  const byYear = new Map<number, string>();
  for (const f of files) {
    const y = yearFromName(f);
    if (y === undefined) throw new InputError(`${f}: no year in the file name (expected e.g. wiot_2011.csv.gz).`);
    if (byYear.has(y)) throw new InputError(`two input tables for ${y}: ${byYear.get(y)} and ${f}.`);
    byYear.set(y, f);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]);
}

export function checkWindow(years: readonly number[], cfg: DeglobConfig): void {
  for (let y = cfg.window[0] - 1; y <= cfg.window[1]; y++) {
    if (!years.includes(y)) {
      throw new InputError(`the estimation window ${cfg.window.join('-')} needs the table of ${y}${y === cfg.window[0] - 1 ? ' (growth of the first year)' : ''}; the inputs hold ${years[0]}-${years[years.length - 1]}.`);
    }
  }
}

export function loadMeasures(
  files: readonly string[],
  cfg: DeglobConfig,
  readText: (p: string) => string,
  progress: (m: string) => void,
): YearMeasures[] {
  const list = filesByYear(files);
  checkWindow(list.map(([y]) => y), cfg);
  const out: YearMeasures[] = [];
  for (const [k, [year, file]] of list.entries()) {
    const t0 = Date.now();
    const table = parseLabeledCsv(readText(file), { source: file, year });
    if (k === 0) {
      const missing = cfg.countries.filter((c) => !table.countries.includes(c));
      if (missing.length) throw new InputError(`${file}: sample countries not in the table: ${missing.join(', ')} (available: ${table.countries.join(', ')}).`);
    }
    out.push(yearMeasures(buildModel(table), year, { withHhi: cfg.table4Years.includes(year) }));
    progress(`year ${year} (${k + 1}/${list.length}): ${table.countries.length} regions x ${table.sectors.length} sectors, ${Date.now() - t0} ms`);
  }
  return out;
}
