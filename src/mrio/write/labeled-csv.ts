/**
 * Writer of the generic labeled wide CSV (inverse of read/labeled-csv.ts): country, sector, the Z block,
 * final demand as CTY.CATEGORY, then GO. Numbers are written with full precision (shortest round-trip).
 */
import { dims, type MrioTable } from '../table.js';

export function toLabeledCsv(t: MrioTable): string {
  const { G, N, GN, K } = dims(t);
  const head = ['country', 'sector'];
  for (const c of t.countries) for (const s of t.sectors) head.push(`${c}.${s}`);
  for (const c of t.countries) for (const k of t.fdCategories) head.push(`${c}.${k}`);
  head.push('GO');
  const out: string[] = [head.join(',')];
  for (let r = 0; r < GN; r++) {
    const row: (string | number)[] = [t.countries[Math.floor(r / N)], t.sectors[r % N]];
    for (let c = 0; c < GN; c++) row.push(t.Z.data[r * GN + c]);
    for (let k = 0; k < G * K; k++) row.push(t.Y.data[r * G * K + k]);
    row.push(t.x[r]);
    out.push(row.join(','));
  }
  return out.join('\n') + '\n';
}
