/**
 * Aggregation of sectors and/or countries by a mapping (old label -> new label). Z, final demand,
 * value added and output are summed over the members of each new group; group order is the order of
 * first appearance in the mapping as the table's labels are walked. Every old label must be mapped.
 */
import { InputError } from '../errors.js';
import { matrix } from '../linalg/index.js';
import { buildTable } from './build.js';
import { dims, type LabeledRows, type MrioTable } from './table.js';

export interface AggregationSpec {
  sectors?: Map<string, string>;
  countries?: Map<string, string>;
}

function groupIndex(labels: string[], map: Map<string, string> | undefined, what: string, src: string) {
  if (!map) return { names: labels.slice(), idx: labels.map((_, i) => i) };
  const names: string[] = [];
  const idx = labels.map((l) => {
    const g = map.get(l);
    if (g === undefined) throw new InputError(`${src}: ${what} "${l}" has no entry in the aggregation mapping.`);
    let k = names.indexOf(g);
    if (k < 0) k = names.push(g) - 1;
    return k;
  });
  return { names, idx };
}

export function aggregate(t: MrioTable, spec: AggregationSpec): MrioTable {
  const src = t.source ?? 'table';
  const { G, N, K } = dims(t);
  const cs = groupIndex(t.countries, spec.countries, 'country', src);
  const ss = groupIndex(t.sectors, spec.sectors, 'sector', src);
  const G2 = cs.names.length;
  const N2 = ss.names.length;
  const GN = G * N;
  const GN2 = G2 * N2;
  const map = new Int32Array(GN);
  for (let c = 0; c < G; c++) for (let s = 0; s < N; s++) map[c * N + s] = cs.idx[c] * N2 + ss.idx[s];
  const Z = matrix(GN2, GN2);
  for (let r = 0; r < GN; r++) {
    const R = map[r] * GN2;
    const o = r * GN;
    for (let c = 0; c < GN; c++) Z.data[R + map[c]] += t.Z.data[o + c];
  }
  const Y = matrix(GN2, G2 * K);
  for (let r = 0; r < GN; r++) {
    for (let j = 0; j < G; j++) {
      for (let k = 0; k < K; k++) Y.data[map[r] * G2 * K + cs.idx[j] * K + k] += t.Y.data[r * G * K + j * K + k];
    }
  }
  const sum = (v: Float64Array) => {
    const out = new Float64Array(GN2);
    for (let r = 0; r < GN; r++) out[map[r]] += v[r];
    return out;
  };
  const rows = (lr: LabeledRows | undefined): LabeledRows | undefined => {
    if (!lr) return undefined;
    const m = matrix(lr.values.rows, GN2);
    for (let i = 0; i < lr.values.rows; i++) for (let r = 0; r < GN; r++) m.data[i * GN2 + map[r]] += lr.values.data[i * GN + r];
    return { labels: lr.labels, units: lr.units, values: m };
  };
  return buildTable({
    countries: cs.names,
    sectors: ss.names,
    fdCategories: t.fdCategories,
    Z,
    Y,
    va: sum(t.va),
    x: sum(t.x),
    year: t.year,
    source: src,
    unit: t.unit,
    vaDetail: rows(t.vaDetail),
    satellite: rows(t.satellite),
  });
}

/** Parse a mapping CSV with columns from,to (header required; extra columns ignored). */
export function parseMapping(text: string, src = 'mapping'): Map<string, string> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new InputError(`${src}: the mapping has no rows (expected a header from,to).`);
  const head = lines[0].split(',').map((s) => s.trim().toLowerCase());
  const fi = head.indexOf('from');
  const ti = head.indexOf('to');
  if (fi < 0 || ti < 0) throw new InputError(`${src}: the header must have columns "from" and "to".`);
  const m = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (f[fi] === undefined || f[ti] === undefined || f[fi] === '' || f[ti] === '') {
      throw new InputError(`${src}: row ${i + 1} lacks a "from" or "to" value.`);
    }
    if (m.has(f[fi])) throw new InputError(`${src}: row ${i + 1} maps "${f[fi]}" a second time.`);
    m.set(f[fi], f[ti]);
  }
  return m;
}
