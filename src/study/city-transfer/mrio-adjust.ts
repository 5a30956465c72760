/**
 * Adjustments applied on read (§2.1, §5.1):
 *   - competitive-import tables (imports inside Z and Y plus an import column IM): row r of Z and Y is scaled
 *     by δ_r = 1 − IM_r / (Σ Z[r,·] + Σ Y[r,·]), which leaves the domestic flows (the §2.1 resolution);
 *     the import row (imports used by each column) becomes Σ_r (1 − δ_r) Z[r,c], so that the column balance
 *     colsum Z + IMP + VA = GO still holds; an IM column entered with negative numbers is taken as imports;
 *   - money units: every flow multiplied by the factor to 10,000 yuan.
 */
import { InputError } from '../../errors.js';
import { K_FD, rowLabel, type CityMrio } from './mrio-city.js';

/** Scale row r of Z and Y by δ_r in place; returns δ. */
export function toDomestic(t: CityMrio, im: Float64Array, src = t.source): Float64Array {
  const nN = t.go.length;
  const n = t.cities.length;
  if (im.length !== nN) throw new InputError(`${src}: import column has ${im.length} entries for ${nN} rows.`);
  const nz = im.filter((v) => v !== 0);
  const sign = nz.length > 0 && nz.every((v) => v < 0) ? -1 : 1;
  const delta = new Float64Array(nN);
  const imp = new Float64Array(nN);
  const ky = n * K_FD;
  for (let r = 0; r < nN; r++) {
    const m = sign * im[r];
    let tot = 0;
    for (let c = 0; c < nN; c++) tot += t.Z[r * nN + c];
    for (let k = 0; k < ky; k++) tot += t.Y[r * ky + k];
    if (m !== 0 && !(tot > 0)) throw new InputError(`${src}: row ${rowLabel(t, r)}, field IM: imports ${m} but intermediate plus final use is ${tot}.`);
    const d = m === 0 ? 1 : 1 - m / tot;
    if (d < 0 || d > 1) throw new InputError(`${src}: row ${rowLabel(t, r)}, field IM: imports ${m} give the domestic share δ = ${d} outside [0, 1] (use ${tot}).`);
    delta[r] = d;
    if (d === 1) continue;
    for (let c = 0; c < nN; c++) {
      const v = t.Z[r * nN + c];
      imp[c] += v - v * d;
      t.Z[r * nN + c] = v * d;
    }
    for (let k = 0; k < ky; k++) t.Y[r * ky + k] *= d;
  }
  t.imp = imp;
  return delta;
}

/** Multiply every money flow of t by f (unit conversion to 10,000 yuan). */
export function scaleMoney(t: CityMrio, f: number): void {
  if (f === 1) return;
  for (const a of [t.Z, t.Y, t.exp, t.other, t.go, t.imp, t.va]) if (a) for (let q = 0; q < a.length; q++) a[q] *= f;
}
