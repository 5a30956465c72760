/**
 * CEADs city-level MRIO workbook -> CityMrio (§5.1): one workbook per year, read with exceljs
 * (src/node/xlsx.ts), laid out by a layout file or by auto-detection (src/mrio/read/ceads/), city names
 * mapped to GB/T 2260 codes (built-in table extended by the user's code,name CSV and cities.csv), sectors
 * coded sNN from the labels' leading digits (else by position, or the layout's sectorCodes), money
 * converted to 10,000 yuan (layout `unit`), and a competitive-import table turned domestic (mrio-adjust.ts).
 */
import { InputError } from '../../errors.js';
import { readBlocks } from '../../mrio/read/ceads/block.js';
import { CityCodes, cityCodeTable } from '../../mrio/read/ceads/city-codes.js';
import { resolveLayout } from '../../mrio/read/ceads/detect.js';
import { parseLayoutFile, type CeadsLayoutFile } from '../../mrio/read/ceads/layout.js';
import type { Cell } from '../../mrio/read/wiod/wiot.js';
import { readXlsx } from '../../node/xlsx.js';
import { readText } from '../../node/files.js';
import { sectorCode } from './config.js';
import type { CityMrio } from './mrio-city.js';
import { toDomestic } from './mrio-adjust.js';

export interface CeadsOptions {
  layout?: CeadsLayoutFile;
  codes?: CityCodes;
}

export interface CeadsRead {
  table: CityMrio;
  /** What was detected or done (unit, competitive imports, sector coding). */
  notes: string[];
}

/** Sector codes: layout list, else the labels' leading one- or two-digit numbers, else s01…sNN by position. */
export function sectorCodesOf(labels: readonly string[], given?: readonly string[]): string[] {
  if (given) return given.slice();
  const nums = labels.map((l) => /^\s*(\d{1,2})(?!\d)/.exec(l)?.[1]);
  if (nums.every((x) => x !== undefined) && new Set(nums).size === labels.length) return nums.map((x) => sectorCode(Number(x)));
  return labels.map((_, k) => sectorCode(k + 1));
}

/** Parse the cells of one worksheet. */
export function ceadsFromCells(cells: Cell[][], year: number, src: string, o: CeadsOptions = {}): CeadsRead {
  const L = resolveLayout(cells, o.layout ?? {}, src);
  const b = readBlocks(cells, L, src);
  const cities = (o.codes ?? cityCodeTable()).codes(b.regions, src);
  const sectors = sectorCodesOf(b.sectorLabels, L.sectorCodes);
  const t: CityMrio = { year, cities, sectors, source: src, Z: b.Z, Y: b.Y, exp: b.exp, other: b.other, go: b.go, imp: b.imp, va: b.va };
  const notes = [
    `${src}: ${L.n} cities × ${L.N} sectors from row ${L.row0 + 1}, unit ${L.unit} (× ${L.factor} to 10,000 yuan)`,
  ];
  if (b.im) {
    const d = toDomestic(t, b.im, src);
    notes.push(`${src}: competitive imports removed (δ from ${Math.min(...d).toFixed(4)} to ${Math.max(...d).toFixed(4)})${b.imp ? '; the import rows were replaced by Σ (1 − δ) Z' : ''}`);
  }
  return { table: t, notes };
}

/** Read a CEADs workbook (layout file path optional: auto-detection otherwise). */
export async function readCeadsWorkbook(path: string, year: number, o: { layoutPath?: string; codes?: CityCodes } = {}): Promise<CeadsRead> {
  const layout = o.layoutPath ? parseLayoutFile(readText(o.layoutPath), o.layoutPath) : undefined;
  const sheets = await readXlsx(path, layout?.sheet ? (name) => name === layout.sheet : undefined);
  if (!sheets.length) throw new InputError(`${path}: ${layout?.sheet ? `no worksheet named '${layout.sheet}' (layout ${o.layoutPath})` : 'the workbook has no worksheets'}.`);
  const src = `${path} [${sheets[0].name}]`;
  return ceadsFromCells(sheets[0].cells, year, src, { layout, codes: o.codes });
}
