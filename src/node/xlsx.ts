/**
 * Node edge: read .xlsx worksheets into plain 2-D arrays of cell values (0-based rows and columns)
 * with exceljs. Formula cells give their cached result, rich text its plain text, dates an ISO string.
 * .xlsb (WIOD 2016's Excel binary format) is not supported: save it as .xlsx first.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import type { Cell } from '../mrio/read/wiod/wiot.js';

export interface Sheet {
  name: string;
  cells: Cell[][];
}

function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: string; error?: string };
    if ('result' in o) return plain(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

/** All worksheets (or those whose names pass `want`) of a workbook. */
export async function readXlsx(path: string, want?: (name: string) => boolean): Promise<Sheet[]> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file.`);
  if (/\.xlsb$/i.test(path)) throw new InputError(`${path}: .xlsb workbooks are not supported; save the sheet as .xlsx.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new InputError(`${path}: not a readable .xlsx workbook (${(e as Error).message}).`);
  }
  const out: Sheet[] = [];
  for (const ws of wb.worksheets) {
    if (want && !want(ws.name)) continue;
    const cells: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const vals = row.values as unknown[];
      const arr: Cell[] = new Array(Math.max(0, vals.length - 1));
      for (let c = 1; c < vals.length; c++) arr[c - 1] = plain(vals[c]);
      cells[r - 1] = arr;
    });
    for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
    out.push({ name: ws.name, cells });
  }
  return out;
}
