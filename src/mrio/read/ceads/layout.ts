/**
 * Layout of a CEADs-style block MRIO worksheet (one workbook per year): rows = region × sector blocks, then
 * bottom rows (imports, value-added items, total input); columns = intermediate use by region × sector, then
 * k final-use columns per region, then trailing columns (exports, other/error, total output, and in a
 * competitive-import table an import column).
 *
 * The layout file (JSON) names what auto-detection (detect.ts) cannot guess; every field is optional and
 * overrides the detected value. Rows are 1-based as Excel shows them; columns 1-based numbers or letters.
 *   {
 *     "sheet": "2017",                      worksheet name (default: the first sheet)
 *     "firstDataRow": 6, "firstDataCol": "D", first cell of Z (region 1, sector 1)
 *     "cityCol": "A", "sectorCol": "C",     label columns of the data rows
 *     "sectors": 42, "cities": 309,         N and n (n: default, count the blocks)
 *     "finalUse": ["RURAL","URBAN","GOV","GFCF","INVEN"],   order per region; "SKIP" ignores a column
 *     "finalUseNames": ["农村居民消费", …],  header labels in that order (checked when given)
 *     "trailing": {"EXP": "出口", "OTHER": "其他", "GO": "总产出", "IM": "进口"},  trailing header labels
 *     "importRows": ["进口"], "valueAddedRows": ["劳动者报酬", "生产税净额", "固定资产折旧", "营业盈余"],
 *     "unit": "亿元", "toTenThousandYuan": 10000,   money unit; the factor defaults from the unit name
 *     "sectorCodes": ["s01", …]              sector codes by position (default: leading digits of the labels)
 *   }
 */
import { InputError } from '../../../errors.js';

export const FD_KEYS = ['RURAL', 'URBAN', 'GOV', 'GFCF', 'INVEN'] as const;
export type FdKey = (typeof FD_KEYS)[number];
export type FdSlot = FdKey | 'SKIP';
export const TRAIL_KEYS = ['EXP', 'OTHER', 'GO', 'IM'] as const;
export type TrailKey = (typeof TRAIL_KEYS)[number];

/** The layout file as written by the user. */
export interface CeadsLayoutFile {
  sheet?: string;
  firstDataRow?: number;
  firstDataCol?: number | string;
  cityCol?: number | string;
  sectorCol?: number | string;
  sectors?: number;
  cities?: number;
  finalUse?: FdSlot[];
  finalUseNames?: string[];
  trailing?: Partial<Record<TrailKey, string>>;
  importRows?: string[];
  valueAddedRows?: string[];
  unit?: string;
  toTenThousandYuan?: number;
  sectorCodes?: string[];
}

/** A resolved layout: 0-based rows and columns, everything known. */
export interface BlockLayout {
  row0: number;
  col0: number;
  cityCol: number;
  sectorCol: number;
  n: number;
  N: number;
  fd: FdSlot[];
  trail: Partial<Record<TrailKey, number>>;
  impRows: number[];
  vaRows: number[];
  unit: string;
  factor: number;
  sectorCodes?: string[];
}

/** Money units -> factor to 10,000 yuan (keys compared after lower-casing and removing blanks and commas). */
const UNITS: Record<string, number> = {
  '元': 1e-4, 'yuan': 1e-4, 'rmb': 1e-4, 'cny': 1e-4,
  '千元': 0.1, 'thousandyuan': 0.1, '1000yuan': 0.1,
  '万元': 1, '10000yuan': 1, '10kyuan': 1, 'tenthousandyuan': 1,
  '百万元': 100, 'millionyuan': 100,
  '千万元': 1000, '10millionyuan': 1000,
  '亿元': 1e4, '100millionyuan': 1e4, 'hundredmillionyuan': 1e4,
};

/** Factor to 10,000 yuan of a unit name, or undefined. */
export function unitFactor(unit: string): number | undefined {
  const k = unit.normalize('NFKC').toLowerCase().replace(/[\s,()（）]/g, '').replace(/^(人民币|rmb)(?=.)/, '');
  return UNITS[k];
}

/** 0-based column of a 1-based number or a letter name ("D", "AB"). */
export function columnIndex(v: number | string, field: string, src: string): number {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1) throw new InputError(`${src}: field ${field}: ${v} is not a 1-based column number.`);
    return v - 1;
  }
  const s = v.trim().toUpperCase();
  if (/^\d+$/.test(s)) return columnIndex(Number(s), field, src);
  if (!/^[A-Z]{1,3}$/.test(s)) throw new InputError(`${src}: field ${field}: '${v}' is neither a column number nor column letters.`);
  let j = 0;
  for (const ch of s) j = j * 26 + (ch.charCodeAt(0) - 64);
  return j - 1;
}

/** Parse and check a layout file's text. */
export function parseLayoutFile(text: string, src: string): CeadsLayoutFile {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${src}: not valid JSON (${(e as Error).message}).`);
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new InputError(`${src}: the layout must be a JSON object.`);
  const l = o as Record<string, unknown>;
  const known = new Set(['sheet', 'firstDataRow', 'firstDataCol', 'cityCol', 'sectorCol', 'sectors', 'cities', 'finalUse', 'finalUseNames', 'trailing', 'importRows', 'valueAddedRows', 'unit', 'toTenThousandYuan', 'sectorCodes']);
  for (const k of Object.keys(l)) if (!known.has(k)) throw new InputError(`${src}: field ${k}: unknown layout field (known: ${[...known].join(', ')}).`);
  const posInt = (k: string) => {
    if (l[k] !== undefined && !(Number.isInteger(l[k]) && (l[k] as number) >= 1)) throw new InputError(`${src}: field ${k}: ${JSON.stringify(l[k])} is not a positive integer.`);
  };
  ['firstDataRow', 'sectors', 'cities'].forEach(posInt);
  for (const k of ['firstDataCol', 'cityCol', 'sectorCol']) if (l[k] !== undefined) columnIndex(l[k] as number | string, k, src);
  const strings = (k: string) => {
    if (l[k] !== undefined && !(Array.isArray(l[k]) && (l[k] as unknown[]).every((x) => typeof x === 'string'))) throw new InputError(`${src}: field ${k}: must be a list of strings.`);
  };
  ['finalUse', 'finalUseNames', 'importRows', 'valueAddedRows', 'sectorCodes'].forEach(strings);
  if (l.finalUse) {
    const fu = l.finalUse as string[];
    for (const f of fu) if (f !== 'SKIP' && !(FD_KEYS as readonly string[]).includes(f)) throw new InputError(`${src}: field finalUse: '${f}' is not one of ${FD_KEYS.join(', ')}, SKIP.`);
    for (const k of FD_KEYS) if (fu.filter((f) => f === k).length > 1) throw new InputError(`${src}: field finalUse: ${k} appears twice.`);
    if (l.finalUseNames && (l.finalUseNames as string[]).length !== fu.length) throw new InputError(`${src}: field finalUseNames: ${(l.finalUseNames as string[]).length} names for ${fu.length} finalUse columns.`);
  }
  if (l.trailing !== undefined) {
    if (!l.trailing || typeof l.trailing !== 'object') throw new InputError(`${src}: field trailing: must be an object such as {"EXP": "出口", "GO": "总产出"}.`);
    for (const [k, v] of Object.entries(l.trailing)) {
      if (!(TRAIL_KEYS as readonly string[]).includes(k)) throw new InputError(`${src}: field trailing: '${k}' is not one of ${TRAIL_KEYS.join(', ')}.`);
      if (typeof v !== 'string' || v.trim() === '') throw new InputError(`${src}: field trailing.${k}: must be a non-empty header label.`);
    }
  }
  if (l.sheet !== undefined && typeof l.sheet !== 'string') throw new InputError(`${src}: field sheet: must be a worksheet name.`);
  if (l.unit !== undefined && typeof l.unit !== 'string') throw new InputError(`${src}: field unit: must be text such as 万元.`);
  if (l.toTenThousandYuan !== undefined && !(typeof l.toTenThousandYuan === 'number' && l.toTenThousandYuan > 0)) throw new InputError(`${src}: field toTenThousandYuan: must be a positive number.`);
  if (typeof l.unit === 'string' && l.toTenThousandYuan === undefined && unitFactor(l.unit) === undefined) {
    throw new InputError(`${src}: field unit: '${l.unit}' is not a known money unit; give toTenThousandYuan as well.`);
  }
  return l as CeadsLayoutFile;
}
