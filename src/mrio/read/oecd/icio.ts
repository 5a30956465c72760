/**
 * OECD Inter-Country Input-Output (ICIO) tables, one CSV per year (releases 2016, 2018, 2021, 2023):
 *   header:  (blank), CTY_SECTOR x GN, final demand columns, OUT/TOTAL
 *   rows:    CTY_SECTOR x GN, value-added rows, OUT/OUTPUT
 * Final demand columns are CTY_CAT (2018+: AUS_HFCE, AUS_GGFC, ...) or CAT_CTY (2016: HFCE_AUS, ...);
 * a column without a country (2016's DISC, statistical discrepancy) cannot be placed in Y and is left
 * out, so it shows in the row balance residual (the table's source says so). Value-added rows are
 * those named VALU, VA, TLS, *TAXSUB* (taxes less subsidies by country) or VA+TAXSUB; value added is
 * their sum (so va = x - colSums(Z) when the table balances) and each row is kept in vaDetail.
 * Output x is the OUT/TOTAL column when present, else the full row total (including any column left
 * out of Y, so the row balance residual equals it). The split countries of China and Mexico (CN1, CN2,
 * ..., MX1, MX2, ...) are added into CHN and MEX, as the OECD documentation advises; final demand
 * only exists for the merged countries.
 */
import { InputError } from '../../../errors.js';
import { matrix } from '../../../linalg/index.js';
import { buildTable } from '../../build.js';
import type { MrioTable } from '../../table.js';
import { countrySectorLayout, sameLayout } from '../layout.js';
import { parseLabeledGrid } from '../numbers.js';

export interface OecdOptions {
  source?: string;
  year?: number;
}

const OUT_LABELS = new Set(['OUT', 'OUTPUT', 'TOTAL']);

export function isVaRowLabel(l: string): boolean {
  const u = l.toUpperCase();
  return u === 'VA' || u === 'TLS' || u === 'VALU' || u.includes('TAXSUB') || u === 'VA+TAXSUB' || /^[A-Z0-9]{3}_TAXSUB$/.test(u);
}

function splitBase(c: string): string {
  if (/^CN\d$/.test(c)) return 'CHN';
  if (/^MX\d$/.test(c)) return 'MEX';
  return c;
}

function splitLabel(l: string, src: string, where: string): [string, string] {
  const k = l.indexOf('_');
  if (k <= 0 || k === l.length - 1) throw new InputError(`${src}: ${where} "${l}" is not of the form COUNTRY_SECTOR.`);
  return [l.slice(0, k), l.slice(k + 1)];
}

export function parseOecdIcio(bytes: Uint8Array, opts: OecdOptions = {}): MrioTable {
  const src = opts.source ?? 'OECD ICIO';
  const g = parseLabeledGrid(bytes, { sep: 44, headerLines: 1, labelFields: 1, source: src });
  const head = g.header[0].slice(1);
  const ncol = g.cols;
  if (head.length !== ncol) throw new InputError(`${src}: the header has ${head.length} column labels but the rows have ${ncol} values.`);
  // rows
  const zRows: number[] = [];
  const vaRows: number[] = [];
  const seenRow = new Map<string, number>();
  g.rowLabels.forEach((l, i) => {
    const lab = l[0];
    const prev = seenRow.get(lab);
    if (prev !== undefined) throw new InputError(`${src}: line ${g.rowLine[i]}: row "${lab}" is duplicated (first on line ${g.rowLine[prev]}).`);
    seenRow.set(lab, i);
    if (OUT_LABELS.has(lab.toUpperCase())) return;
    if (isVaRowLabel(lab)) vaRows.push(i);
    else zRows.push(i);
  });
  const rowPairs = zRows.map((i) => splitLabel(g.rowLabels[i][0], src, `line ${g.rowLine[i]}: row`));
  zRows.forEach((i, k) => {
    if (vaRows.length > 0 && vaRows[0] < i) {
      throw new InputError(`${src}: line ${g.rowLine[i]}: country-sector row "${rowPairs[k].join('_')}" comes after the value-added rows.`);
    }
  });
  const raw = countrySectorLayout(rowPairs, src, 'row', g.rowLine[zRows[0]] ?? 2);
  // columns
  const rowIndex = new Map(zRows.map((i, k) => [g.rowLabels[i][0], k]));
  const zCols: number[] = [];
  const colPairs: Array<[string, string]> = [];
  let outCol = -1;
  const fdCols: Array<{ j: number; country: string; cat: string }> = [];
  const dropped: string[] = [];
  const droppedCols: number[] = [];
  const rawCountries = new Set(raw.countries);
  const seenCol = new Set<string>();
  head.forEach((h, j) => {
    if (seenCol.has(h)) throw new InputError(`${src}: column ${j + 2} "${h}" is duplicated.`);
    seenCol.add(h);
    if (rowIndex.has(h)) {
      zCols.push(j);
      colPairs.push(splitLabel(h, src, `column ${j + 2}`));
      return;
    }
    if (OUT_LABELS.has(h.toUpperCase())) {
      outCol = j;
      return;
    }
    const parts = h.split('_');
    if (parts.length === 2 && rawCountries.has(parts[0])) fdCols.push({ j, country: splitBase(parts[0]), cat: parts[1] });
    else if (parts.length === 2 && rawCountries.has(parts[1])) fdCols.push({ j, country: splitBase(parts[1]), cat: parts[0] });
    else if (parts.length === 1) {
      dropped.push(h);
      droppedCols.push(j);
    }
    else throw new InputError(`${src}: column ${j + 2} "${h}" is neither a country-sector of the rows, nor final demand of a known country, nor OUT/TOTAL.`);
  });
  const colLayout = countrySectorLayout(colPairs, src, 'column', 2);
  sameLayout(raw, colLayout, src);
  for (let k = 0; k < zCols.length; k++) {
    if (head[zCols[k]] !== g.rowLabels[zRows[k]][0]) {
      throw new InputError(`${src}: column ${zCols[k] + 2} is "${head[zCols[k]]}" but row ${k + 1} is "${g.rowLabels[zRows[k]][0]}" (rows and columns must be in the same order).`);
    }
  }
  // merge China / Mexico splits
  const countries: string[] = [];
  for (const c of raw.countries) {
    const b = raw.countries.includes(splitBase(c)) ? splitBase(c) : c;
    if (!countries.includes(b)) countries.push(b);
  }
  const merged = raw.countries.some((c) => splitBase(c) !== c && raw.countries.includes(splitBase(c)));
  const sectors = raw.sectors;
  const N = sectors.length;
  const G = countries.length;
  const GN = G * N;
  const cIdx = new Map(countries.map((c, i) => [c, i]));
  const target = new Int32Array(zRows.length);
  for (let k = 0; k < zRows.length; k++) {
    const c = raw.countries[Math.floor(k / N)];
    const b = cIdx.has(splitBase(c)) ? splitBase(c) : c;
    target[k] = cIdx.get(b)! * N + (k % N);
  }
  const cats: string[] = [];
  for (const f of fdCols) {
    if (!cIdx.has(f.country)) throw new InputError(`${src}: final demand column "${head[f.j]}" names country "${f.country}", which has no rows.`);
    if (!cats.includes(f.cat)) cats.push(f.cat);
  }
  const K = cats.length;
  if (K === 0) throw new InputError(`${src}: no final demand columns were found (expected CTY_HFCE or HFCE_CTY style labels).`);
  const kIdx = new Map(cats.map((c, i) => [c, i]));
  const fdSeen = new Set<number>();
  for (const f of fdCols) {
    const t = cIdx.get(f.country)! * K + kIdx.get(f.cat)!;
    if (fdSeen.has(t)) throw new InputError(`${src}: final demand column "${head[f.j]}" duplicates category "${f.cat}" of "${f.country}".`);
    fdSeen.add(t);
  }
  const Z = matrix(GN, GN);
  const Y = matrix(GN, G * K);
  // without an OUT column, output is the row total including the columns left out (DISC), so that
  // their amount shows as the row balance residual instead of vanishing
  const x = outCol >= 0 || droppedCols.length > 0 ? new Float64Array(GN) : undefined;
  for (let k = 0; k < zRows.length; k++) {
    const ro = zRows[k] * ncol;
    const tr = target[k];
    const zo = tr * GN;
    for (let q = 0; q < zCols.length; q++) Z.data[zo + target[q]] += g.data[ro + zCols[q]];
    for (const f of fdCols) Y.data[tr * G * K + cIdx.get(f.country)! * K + kIdx.get(f.cat)!] += g.data[ro + f.j];
    if (x && outCol >= 0) x[tr] += g.data[ro + outCol];
    else if (x) {
      for (let j = 0; j < ncol; j++) x[tr] += g.data[ro + j];
    }
  }
  const vaVals = matrix(vaRows.length, GN);
  const va = new Float64Array(GN);
  vaRows.forEach((i, r) => {
    for (let q = 0; q < zCols.length; q++) {
      const v = g.data[i * ncol + zCols[q]];
      vaVals.data[r * GN + target[q]] += v;
      va[target[q]] += v;
    }
  });
  const notes: string[] = [];
  if (merged) notes.push(`split countries ${raw.countries.filter((c) => splitBase(c) !== c).join(', ')} added into ${[...new Set(raw.countries.filter((c) => splitBase(c) !== c).map(splitBase))].join(', ')}`);
  if (dropped.length > 0) notes.push(`column(s) ${dropped.join(', ')} without a country left out of final demand`);
  return buildTable({
    countries,
    sectors,
    fdCategories: cats,
    Z,
    Y,
    x,
    va: vaRows.length > 0 ? va : undefined,
    year: opts.year,
    source: `${src} (OECD ICIO${notes.length ? '; ' + notes.join('; ') : ''})`,
    unit: 'million USD',
    vaDetail: vaRows.length > 0 ? { labels: vaRows.map((i) => g.rowLabels[i][0]), values: vaVals, units: vaRows.map(() => 'million USD') } : undefined,
  });
}
