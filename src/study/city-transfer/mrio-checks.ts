/**
 * Read-time checks of §5.1 as one-line messages naming the file, the row and the field:
 *   errors   — Z < 0; negative Y outside INVEN; GO < 0 (the first offending cell and the count);
 *   warnings — row balance ΣZ + ΣY + EXP + OTHER = GO off by more than `tol` (relative; the worst row and the
 *              count), column balance colsum Z + IMP + VA = GO when both rows exist, zero-output sectors.
 * Options turn imbalances into errors or negatives into warnings. `guardedSource` wraps a table source so
 * that every loaded year is checked: warnings go to `say`, the first error is thrown as an InputError.
 */
import { InputError } from '../../errors.js';
import { FD_CATEGORIES } from './config.js';
import { K_FD, rowLabel, type CityMrio, type CityMrioSource } from './mrio-city.js';

export interface ReadCheckOptions {
  tol: number;
  imbalance: 'warn' | 'error';
  negative: 'warn' | 'error';
}
export const DEFAULT_READ_CHECKS: ReadCheckOptions = { tol: 1e-6, imbalance: 'warn', negative: 'error' };

export interface ReadCheck {
  errors: string[];
  warnings: string[];
}

const g = (v: number): string => String(Number(v.toPrecision(12)));

export function validateCityMrio(t: CityMrio, o: Partial<ReadCheckOptions> = {}): ReadCheck {
  const opt = { ...DEFAULT_READ_CHECKS, ...o };
  const nN = t.go.length;
  const n = t.cities.length;
  const ky = n * K_FD;
  const f = t.source;
  const out: ReadCheck = { errors: [], warnings: [] };
  const put = (kind: 'warn' | 'error', msg: string) => (kind === 'error' ? out.errors : out.warnings).push(msg);
  let negZ = 0;
  let firstZ = '';
  let negY = 0;
  let firstY = '';
  let negGo = 0;
  let firstGo = '';
  let bad = 0;
  let worst = { rel: 0, r: -1, sum: 0 };
  const colZ = new Float64Array(nN);
  const zero: string[] = [];
  for (let r = 0; r < nN; r++) {
    let s = t.exp[r] + t.other[r];
    let scale = Math.abs(t.exp[r]) + Math.abs(t.other[r]);
    const zo = r * nN;
    for (let c = 0; c < nN; c++) {
      const v = t.Z[zo + c];
      if (v < 0 && negZ++ === 0) firstZ = `row ${rowLabel(t, r)}, field ${rowLabel(t, c)}: negative intermediate flow ${v}`;
      s += v;
      scale += Math.abs(v);
      colZ[c] += v;
    }
    for (let k = 0; k < ky; k++) {
      const v = t.Y[r * ky + k];
      if (v < 0 && k % K_FD !== K_FD - 1 && negY++ === 0) firstY = `row ${rowLabel(t, r)}, field ${t.cities[Math.floor(k / K_FD)]}.${FD_CATEGORIES[k % K_FD]}: negative final use ${v} outside INVEN`;
      s += v;
      scale += Math.abs(v);
    }
    const go = t.go[r];
    if (go < 0 && negGo++ === 0) firstGo = `row ${rowLabel(t, r)}, field GO: negative output ${go}`;
    if (go === 0) zero.push(rowLabel(t, r));
    const rel = Math.abs(s - go) / Math.max(Math.abs(go), scale, 1e-300);
    if (rel > opt.tol) bad++;
    if (rel > worst.rel) worst = { rel, r, sum: s };
  }
  if (negZ) put(opt.negative, `${f}: ${firstZ} (Z ≥ 0 required; ${negZ} negative Z cell(s)).`);
  if (negY) put(opt.negative, `${f}: ${firstY} (only INVEN may be negative; ${negY} such cell(s)).`);
  if (negGo) put('error', `${f}: ${firstGo} (${negGo} negative GO value(s)).`);
  if (bad) {
    put(opt.imbalance, `${f}: row ${rowLabel(t, worst.r)}, field GO: row balance ΣZ + ΣY + EXP + OTHER = ${g(worst.sum)} vs GO ${g(t.go[worst.r])} (relative ${worst.rel.toExponential(2)}, the worst of ${bad} row(s) off by more than ${opt.tol.toExponential(0)}).`);
  }
  if (t.imp && t.va) {
    let cbad = 0;
    let cw = { rel: 0, c: -1 };
    for (let c = 0; c < nN; c++) {
      const go = t.go[c];
      const s = colZ[c] + t.imp[c] + t.va[c];
      const rel = Math.abs(s - go) / Math.max(Math.abs(go), Math.abs(colZ[c]) + Math.abs(t.imp[c]) + Math.abs(t.va[c]), 1e-300);
      if (rel > opt.tol) cbad++;
      if (rel > cw.rel) cw = { rel, c };
    }
    if (cbad) {
      const c = cw.c;
      put(opt.imbalance, `${f}: column ${rowLabel(t, c)}, field VA: column balance colsum Z + IMP + VA = ${g(colZ[c] + t.imp[c] + t.va[c])} vs GO ${g(t.go[c])} (relative ${cw.rel.toExponential(2)}, the worst of ${cbad} column(s) off by more than ${opt.tol.toExponential(0)}).`);
    }
  }
  if (zero.length) out.warnings.push(`${f}: ${zero.length} zero-output sector(s) (zero A columns): ${zero.slice(0, 10).join(', ')}${zero.length > 10 ? ', …' : ''}.`);
  return out;
}

/** A source whose loads are checked (warnings to `say`, the first error thrown). */
export function guardedSource(src: CityMrioSource, say: (line: string) => void, o: Partial<ReadCheckOptions> = {}): CityMrioSource {
  return {
    years: src.years,
    load: async (y: number) => {
      const t = await src.load(y);
      const v = validateCityMrio(t, o);
      for (const w of v.warnings) say(`warning: ${w}`);
      if (v.errors.length) throw new InputError(v.errors[0] + (v.errors.length > 1 ? ` (${v.errors.length - 1} more problem(s): ${v.errors.slice(1).map((e) => e.replace(/^[^:]*: /, '')).join(' ')})` : ''));
      return t;
    },
  };
}
