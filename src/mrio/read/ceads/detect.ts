/**
 * Resolve the block layout of a CEADs-style worksheet (layout.ts) from a layout file's hints and the
 * sheet's own header text. Detection rules:
 *   - data rows: the label column with the longest chain of runs of N identical region labels (N = the
 *     layout's `sectors` when given); the chain gives the first data row, n and N;
 *   - first data column: the header row where the first region's label repeats N times and is followed by
 *     the second region's label; every region's run must start where the row order says;
 *   - sector labels: the rightmost column left of the data whose N labels in the first block are distinct;
 *   - final use: k columns per region (the run length of the first region's label after Z, else 5), each
 *     named by keywords (农村/rural, 城镇/urban, 政府/government, 固定资本/fixed capital, 存货/inventory);
 *   - trailing columns by keywords (总产出/total output → GO, 进口/import → IM, 出口/export → EXP,
 *     其他/误差/other/error → OTHER); bottom rows: 进口/import → imports, 增加值/value added → VA (else
 *     the sum of its components: 劳动者报酬, 生产税净额, 固定资产折旧, 营业盈余 and English equivalents);
 *   - unit: "单位：亿元" / "unit: …" above the data, default 万元.
 * Errors name the sheet cell (A1 style).
 */
import { InputError } from '../../../errors.js';
import type { Cell } from '../wiod/wiot.js';
import { colName } from '../wiod/wiot.js';
import { FD_KEYS, columnIndex, unitFactor, type BlockLayout, type CeadsLayoutFile, type FdSlot, type TrailKey } from './layout.js';

export const cellText = (c: Cell): string => (c === null || c === undefined ? '' : String(c).trim());
const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
/** A label cell: text that is not a number, or a six-digit code (as a number only in a given city column). */
const isLabel = (c: Cell, numericCodes = false): boolean => {
  if (typeof c === 'number') return numericCodes && Number.isInteger(c) && c >= 100000 && c <= 999999;
  const t = cellText(c);
  return t !== '' && (!Number.isFinite(Number(t)) || /^\d{6}$/.test(t));
};

const FD_WORDS: Array<[FdSlot, RegExp]> = [
  ['SKIP', /合计|总计|total/i],
  ['RURAL', /农村|rural/i],
  ['URBAN', /城镇|城市居民|urban/i],
  ['GOV', /政府|government/i],
  ['GFCF', /固定资本|fixed capital|gfcf/i],
  ['INVEN', /存货|inventor/i],
];
const TRAIL_WORDS: Array<[TrailKey, RegExp]> = [
  ['GO', /总产出|total output|gross output|^go$/i],
  ['IM', /进口|import|^im$/i],
  ['EXP', /出口|export|^exp$/i],
  ['OTHER', /其他|其它|误差|other|error|^other$/i],
];
const SKIP_ROWS = /总投入|total input|中间投入合计|intermediate input/i;
const VA_TOTAL = /增加值|value ?added|^va$/i;
const VA_PARTS = /劳动者报酬|生产税净额|固定资产折旧|营业盈余|compensation|net taxes|taxes on production|depreciation|operating surplus/i;

interface Chain {
  col: number;
  row0: number;
  N: number;
  labels: string[];
}

/** Longest chain of adjacent runs of equal length and distinct labels in column j. */
function chainIn(cells: Cell[][], j: number, N?: number, row0?: number, numericCodes = false): Chain | undefined {
  const runs: Array<{ start: number; len: number; label: string }> = [];
  for (let r = 0; r < cells.length; ) {
    const c = cells[r]?.[j];
    if (!isLabel(c, numericCodes)) {
      r++;
      continue;
    }
    const t = cellText(c);
    let e = r + 1;
    while (e < cells.length && cellText(cells[e]?.[j]) === t) e++;
    runs.push({ start: r, len: e - r, label: t });
    r = e;
  }
  let best: Chain | undefined;
  for (let a = 0; a < runs.length; a++) {
    const L = runs[a].len;
    if ((N !== undefined && L !== N) || (row0 !== undefined && runs[a].start !== row0)) continue;
    const labels = [runs[a].label];
    const seen = new Set(labels);
    for (let b = a + 1; b < runs.length && runs[b].len === L && runs[b].start === runs[b - 1].start + L && !seen.has(runs[b].label); b++) {
      labels.push(runs[b].label);
      seen.add(runs[b].label);
    }
    if ((labels.length >= 2 || N !== undefined) && (L >= 2 || N !== undefined) && (!best || labels.length * L > best.labels.length * best.N)) best = { col: j, row0: runs[a].start, N: L, labels };
  }
  return best;
}

export function resolveLayout(cells: Cell[][], hint: CeadsLayoutFile, src: string): BlockLayout {
  const at = (r: number, j: number) => `${src}: cell ${colName(j)}${r + 1}`;
  const txt = (r: number, j: number) => cellText(cells[r]?.[j]);
  const hRow0 = hint.firstDataRow !== undefined ? hint.firstDataRow - 1 : undefined;
  // A. data rows
  let chain: Chain | undefined;
  const cand = hint.cityCol !== undefined ? [columnIndex(hint.cityCol, 'cityCol', src)] : Array.from({ length: 10 }, (_, j) => j);
  for (const j of cand) {
    const c = chainIn(cells, j, hint.sectors, hRow0, hint.cityCol !== undefined);
    if (c && (!chain || c.labels.length * c.N > chain.labels.length * chain.N)) chain = c;
  }
  if (!chain) throw new InputError(`${src}: no block of city × sector rows found (looked for runs of ${hint.sectors ?? 'N'} identical city labels${hint.cityCol !== undefined ? ` in column ${colName(cand[0])}` : ' in columns A–J'}${hRow0 !== undefined ? ` from row ${hRow0 + 1}` : ''}); give cityCol, firstDataRow and sectors in a layout file.`);
  const { row0, N } = chain;
  const cities = hint.cities !== undefined ? chain.labels.slice(0, hint.cities) : chain.labels;
  if (hint.cities !== undefined && chain.labels.length < hint.cities) throw new InputError(`${src}: layout says ${hint.cities} cities, the sheet has ${chain.labels.length} blocks of ${N} rows from row ${row0 + 1}.`);
  const n = cities.length;
  const cityCol = chain.col;
  // B. first data column and the city header row
  let col0 = hint.firstDataCol !== undefined ? columnIndex(hint.firstDataCol, 'firstDataCol', src) : -1;
  let headRow = -1;
  for (let r = 0; r < row0 && headRow < 0; r++) {
    const row = cells[r] ?? [];
    for (let j = cityCol + 1; j < row.length; j++) {
      if (col0 >= 0 && j !== col0) continue;
      if (txt(r, j) === cities[0] && txt(r, j + N - 1) === cities[0] && (n < 2 || txt(r, j + N) === cities[1]) && txt(r, j - 1) !== cities[0]) {
        col0 = j;
        headRow = r;
        break;
      }
    }
  }
  if (col0 < 0) {
    const numeric = (j: number) => Array.from({ length: N }, (_, s) => cells[row0 + s]?.[j]).every((c) => typeof c === 'number' || (cellText(c) !== '' && Number.isFinite(Number(cellText(c)))));
    const sequence = (j: number) => Array.from({ length: N }, (_, s) => Number(cellText(cells[row0 + s]?.[j]))).every((v, s) => v === s + 1);
    for (let j = cityCol + 1; j < (cells[row0]?.length ?? 0) && col0 < 0; j++) if (numeric(j) && !sequence(j)) col0 = j;
    if (col0 < 0) throw new InputError(`${src}: row ${row0 + 1}: no numeric data column found right of the city labels; give firstDataCol in a layout file.`);
  }
  if (headRow >= 0) {
    for (let c = 0; c < n; c++) {
      if (txt(headRow, col0 + c * N) !== cities[c]) throw new InputError(`${at(headRow, col0 + c * N)}: column header '${txt(headRow, col0 + c * N)}' but row block ${c + 1} is '${cities[c]}' (columns must follow the row order of cities).`);
    }
  }
  // C. sector labels
  let sectorCol = hint.sectorCol !== undefined ? columnIndex(hint.sectorCol, 'sectorCol', src) : -1;
  if (sectorCol < 0) {
    for (let j = col0 - 1; j >= 0 && sectorCol < 0; j--) {
      if (j === cityCol) continue;
      const labs = Array.from({ length: N }, (_, s) => txt(row0 + s, j));
      if (labs.every((l) => l !== '') && new Set(labs).size === N) sectorCol = j;
    }
  }
  // D. final use
  const fdStart = col0 + n * N;
  let fd: FdSlot[];
  const citySet = new Set(cities);
  const headText = (j: number): string => {
    const parts: string[] = [];
    for (let r = 0; r < row0; r++) parts.push(txt(r, j));
    return parts.filter((p) => p !== '' && !citySet.has(p)).join(' ');
  };
  if (hint.finalUse) fd = hint.finalUse.slice();
  else {
    let k = 0;
    if (headRow >= 0) while (txt(headRow, fdStart + k) === cities[0]) k++;
    if (k === 0) k = FD_KEYS.length;
    fd = Array.from({ length: k }, (_, m) => FD_WORDS.find(([, re]) => re.test(headText(fdStart + m)))?.[0] ?? 'SKIP');
    if (fd.every((f) => f === 'SKIP') && k === FD_KEYS.length) fd = [...FD_KEYS];
    for (const key of FD_KEYS) if (fd.filter((f) => f === key).length > 1) throw new InputError(`${at(row0 - 1, fdStart)}: final-use category ${key} found twice among the ${k} columns of the first city; give finalUse in a layout file.`);
  }
  if (hint.finalUseNames) {
    hint.finalUseNames.forEach((name, m) => {
      if (!norm(headText(fdStart + m)).includes(norm(name))) throw new InputError(`${at(Math.max(0, row0 - 1), fdStart + m)}: header '${headText(fdStart + m)}' does not hold the final-use name '${name}' of the layout.`);
    });
  }
  // E. trailing columns
  const trailStart = fdStart + n * fd.length;
  let width = 0;
  for (let r = 0; r <= row0; r++) width = Math.max(width, cells[r]?.length ?? 0);
  const trail: Partial<Record<TrailKey, number>> = {};
  for (let j = trailStart; j < width; j++) {
    const h = headText(j);
    if (h === '') continue;
    if (hint.trailing) {
      for (const [key, lab] of Object.entries(hint.trailing) as Array<[TrailKey, string]>) if (trail[key] === undefined && norm(h).includes(norm(lab))) trail[key] = j;
    } else {
      const key = TRAIL_WORDS.find(([k, re]) => trail[k] === undefined && re.test(h))?.[0];
      if (key) trail[key] = j;
    }
  }
  for (const key of hint.trailing ? (Object.keys(hint.trailing) as TrailKey[]) : ['GO' as TrailKey]) {
    if (trail[key] === undefined) throw new InputError(`${src}: no trailing column '${hint.trailing?.[key] ?? '总产出 / total output'}' (${key}) in the header rows 1–${row0} from column ${colName(trailStart)}.`);
  }
  // F. bottom rows
  const rowLabel = (r: number) => Array.from({ length: col0 }, (_, j) => txt(r, j)).filter((t) => t !== '');
  const matches = (r: number, labels: string[]) => rowLabel(r).some((t) => labels.some((l) => norm(t) === norm(l)));
  const impRows: number[] = [];
  const vaTotal: number[] = [];
  const vaParts: number[] = [];
  for (let r = row0 + n * N; r < cells.length; r++) {
    const lab = rowLabel(r).join(' ');
    if (lab === '' || SKIP_ROWS.test(lab)) continue;
    if (hint.importRows ? matches(r, hint.importRows) : /进口|import/i.test(lab)) impRows.push(r);
    else if (hint.valueAddedRows ? matches(r, hint.valueAddedRows) : VA_TOTAL.test(lab) && !/率|rate/i.test(lab)) vaTotal.push(r);
    else if (!hint.valueAddedRows && VA_PARTS.test(lab)) vaParts.push(r);
  }
  if (hint.importRows && impRows.length !== hint.importRows.length) throw new InputError(`${src}: found ${impRows.length} of the ${hint.importRows.length} import rows (${hint.importRows.join(', ')}) below row ${row0 + n * N}.`);
  if (hint.valueAddedRows && vaTotal.length !== hint.valueAddedRows.length) throw new InputError(`${src}: found ${vaTotal.length} of the ${hint.valueAddedRows.length} value-added rows (${hint.valueAddedRows.join(', ')}) below row ${row0 + n * N}.`);
  // G. unit
  let unit = hint.unit ?? '';
  if (!unit && hint.toTenThousandYuan === undefined) {
    for (let r = 0; r < row0 && !unit; r++) {
      for (const c of cells[r] ?? []) {
        const m = /(?:单位|unit)\s*[:：]\s*([^\s;；,，)）]+(?:\s+yuan)?)/i.exec(cellText(c));
        if (m) {
          unit = m[1];
          if (unitFactor(unit) === undefined) throw new InputError(`${src}: row ${r + 1}: unknown money unit '${unit}'; give unit and toTenThousandYuan in a layout file.`);
          break;
        }
      }
    }
  }
  const factor = hint.toTenThousandYuan ?? (unit ? (unitFactor(unit) as number) : 1);
  if (hint.sectorCodes && hint.sectorCodes.length !== N) throw new InputError(`${src}: layout lists ${hint.sectorCodes.length} sectorCodes for ${N} sectors.`);
  return {
    row0, col0, cityCol, sectorCol, n, N, fd, trail, impRows,
    vaRows: vaTotal.length ? vaTotal : vaParts,
    unit: unit || (hint.toTenThousandYuan !== undefined ? `×${hint.toTenThousandYuan} 万元` : '万元'),
    factor, sectorCodes: hint.sectorCodes,
  };
}
