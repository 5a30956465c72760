/**
 * Eora26 (worldmrio.com) basic- or purchaser-price release, one year:
 *   Eora26_YYYY_bp_T.txt   GN' x GN'  intermediate use, tab separated, no header
 *   Eora26_YYYY_bp_FD.txt  GN' x G'K  final demand (K categories per region, e.g. households ... valuables)
 *   Eora26_YYYY_bp_VA.txt  V x GN'    primary inputs (value-added components)
 *   Eora26_YYYY_bp_Q.txt   S x GN'    satellite accounts (optional)
 *   labels_T.txt  (region name, ISO3, "Industries", sector) per row/column of T
 *   labels_FD.txt (region name, ISO3, "Final Demand", category) per column of FD
 *   labels_VA.txt ("Primary Inputs", component) per row of VA
 *   labels_Q.txt  (indicator "name (unit)", subtype) per row of Q
 * The full release ends with a one-sector "ROW" region (statistical discrepancies); a trailing region
 * whose sector count differs from the others is dropped (rows, columns, its final-demand columns),
 * and the drop is stated in the table's source. Value added is the sum of the VA rows (kept as
 * vaDetail); output is derived as rowSums(Z) + rowSums(Y), so the column residual shows any imbalance.
 */
import { InputError } from '../../../errors.js';
import { matrix } from '../../../linalg/index.js';
import { buildTable } from '../../build.js';
import type { LabeledRows, MrioTable } from '../../table.js';
import { countrySectorLayout } from '../layout.js';
import { labelRows, parseGrid } from '../numbers.js';

export interface Eora26Files {
  T: Uint8Array;
  FD: Uint8Array;
  VA: Uint8Array;
  Q?: Uint8Array;
  labelsT: string;
  labelsFD: string;
  labelsVA: string;
  labelsQ?: string;
  /** File names for messages. */
  names?: Partial<Record<'T' | 'FD' | 'VA' | 'Q' | 'labelsT' | 'labelsFD' | 'labelsVA' | 'labelsQ', string>>;
}

export interface Eora26Options {
  source?: string;
  year?: number;
}

export function parseEora26(f: Eora26Files, opts: Eora26Options = {}): MrioTable {
  const nm = (k: keyof NonNullable<Eora26Files['names']>) => f.names?.[k] ?? `${opts.source ?? 'Eora26'} ${k}`;
  const lt = labelRows(f.labelsT);
  lt.forEach((r, i) => {
    if (r.length < 4) throw new InputError(`${nm('labelsT')}: row ${i + 1} has ${r.length} fields; expected region name, code, type and sector.`);
  });
  // drop a trailing region with a different sector count (Eora's ROW statistical-discrepancy block)
  const counts = new Map<string, number>();
  for (const r of lt) counts.set(r[1], (counts.get(r[1]) ?? 0) + 1);
  const lastCode = lt[lt.length - 1][1];
  const firstCount = counts.get(lt[0][1])!;
  let dropped: string | undefined;
  let nT = lt.length;
  if (counts.size > 1 && counts.get(lastCode)! !== firstCount) {
    dropped = lastCode;
    nT = lt.length - counts.get(lastCode)!;
  }
  const layout = countrySectorLayout(lt.slice(0, nT).map((r) => [r[1], r[3]] as const), nm('labelsT'), 'row');
  const { countries, sectors } = layout;
  const G = countries.length;
  const GN = nT;
  const full = lt.length;

  const T = parseGrid(f.T, { sep: 9, source: nm('T'), rows: full, cols: full, trailingSep: true });
  const Z = matrix(GN, GN);
  for (let i = 0; i < GN; i++) Z.data.set(T.data.subarray(i * full, i * full + GN), i * GN);

  // final demand
  const lf = labelRows(f.labelsFD);
  lf.forEach((r, i) => {
    if (r.length < 4) throw new InputError(`${nm('labelsFD')}: row ${i + 1} has ${r.length} fields; expected region name, code, type and category.`);
  });
  const cats: string[] = [];
  const fdTarget = new Int32Array(lf.length).fill(-1);
  const cIdx = new Map(countries.map((c, i) => [c, i]));
  for (const r of lf) if (cIdx.has(r[1]) && !cats.includes(r[3])) cats.push(r[3]);
  const K = cats.length;
  if (K === 0) throw new InputError(`${nm('labelsFD')}: no final-demand column belongs to a region of labels_T.`);
  const kIdx = new Map(cats.map((c, i) => [c, i]));
  const seen = new Set<number>();
  lf.forEach((r, i) => {
    const ci = cIdx.get(r[1]);
    if (ci === undefined) {
      if (r[1] === dropped) return;
      throw new InputError(`${nm('labelsFD')}: row ${i + 1} names region "${r[1]}", which has no rows in labels_T.`);
    }
    const t = ci * K + kIdx.get(r[3])!;
    if (seen.has(t)) throw new InputError(`${nm('labelsFD')}: row ${i + 1}: category "${r[3]}" of region "${r[1]}" is duplicated.`);
    seen.add(t);
    fdTarget[i] = t;
  });
  if (seen.size !== G * K) throw new InputError(`${nm('labelsFD')}: ${seen.size} final-demand columns but ${G} regions x ${K} categories need ${G * K} (every region must have the same categories).`);
  const FD = parseGrid(f.FD, { sep: 9, source: nm('FD'), rows: full, cols: lf.length, trailingSep: true });
  const Y = matrix(GN, G * K);
  for (let i = 0; i < GN; i++) {
    for (let j = 0; j < lf.length; j++) if (fdTarget[j] >= 0) Y.data[i * G * K + fdTarget[j]] = FD.data[i * lf.length + j];
  }

  // value added
  const lv = labelRows(f.labelsVA);
  const VA = parseGrid(f.VA, { sep: 9, source: nm('VA'), rows: lv.length, cols: full, trailingSep: true });
  const vaVals = matrix(lv.length, GN);
  const va = new Float64Array(GN);
  for (let i = 0; i < lv.length; i++) {
    for (let j = 0; j < GN; j++) {
      const v = VA.data[i * full + j];
      vaVals.data[i * GN + j] = v;
      va[j] += v;
    }
  }
  const vaLabels = lv.map((r) => r[r.length - 1]);
  const vaDetail: LabeledRows = { labels: vaLabels, values: vaVals };

  let satellite: LabeledRows | undefined;
  if (f.Q && f.labelsQ) {
    const lq = labelRows(f.labelsQ);
    const Q = parseGrid(f.Q, { sep: 9, source: nm('Q'), rows: lq.length, cols: full, trailingSep: true });
    const vals = matrix(lq.length, GN);
    for (let i = 0; i < lq.length; i++) vals.data.set(Q.data.subarray(i * full, i * full + GN), i * GN);
    const labels = lq.map((r) => (r.length > 1 && r[1] !== '' ? `${r[0]}: ${r[1]}` : r[0]));
    const units = lq.map((r) => r[0].match(/\(([^()]*)\)\s*$/)?.[1] ?? '');
    satellite = { labels, values: vals, units };
  }
  const src = opts.source ?? 'Eora26';
  return buildTable({
    countries,
    sectors,
    fdCategories: cats,
    Z,
    Y,
    va,
    year: opts.year,
    source: dropped ? `${src} (Eora26; region "${dropped}" with a different sector count dropped)` : `${src} (Eora26)`,
    unit: 'thousand USD',
    vaDetail,
    satellite,
  });
}
