/**
 * Industrial transfer from the three MRIO years (§2.1):
 *   A^y = Z^y diag(x^y)^-1 (zero column where x = 0);  X^y = (I − A^y)^-1 Y^y by ONE LU solve with n + 1
 *   right-hand sides (the n city final-demand columns and the check column Y1 + EXP + OTHER, whose solution
 *   must equal x);  X^y[(c,s), d] = output of c's sector s induced by d's final demand.
 *   T[i→j, s, p] = (X^{y1}[(j,s), i] − X^{y0}[(j,s), i]) / (y1 − y0)   (note the index flip: row j, column i).
 * Cities are matched across years by code; blocks are kept for cities present in all three tables.
 * Memory: the loaded table is consumed — Z is overwritten in place by I − A, so a year needs Z plus the
 * solver's LU copy (2 × 1.35 GB at 309 × 42) and the n × n × N block cache (32 MB per year).
 * Checks (§7): ‖(I − A)X − Y‖_F / ‖Y‖_F on up to 4 columns; max relative |L(Y1 + EXP + OTHER) − x| / x;
 * transfer accounting per period (accounting.ts) from the per-year totals 1'X[·,d], 1'L(EXP + OTHER), 1'x
 * (one more right-hand side: EXP + OTHER).
 */
import { InputError, NumericalError } from '../../errors.js';
import { linalg, matrix } from '../../linalg/index.js';
import { periodAccounting, type PeriodAccounting, type YearTotals } from './accounting.js';
import { PERIODS } from './config.js';
import { K_FD, checkCityMrio, rowLabel, type CityMrio, type CityMrioSource, type MrioCheck } from './mrio-city.js';

export interface YearSolve {
  year: number;
  seconds: number;
  leontiefResidual: number;
  outputResidual: number;
  check: MrioCheck;
  cities: number;
}

export interface TransferBlocks {
  /** Cities present in all three tables (order of the first table). */
  codes: string[];
  sectors: string[];
  /** [period] -> T at ((i·n + j)·N + s), i origin, j destination, 10,000 yuan per year. */
  T: Float64Array[];
  years: YearSolve[];
  /** §7 transfer accounting per period. */
  accounting: PeriodAccounting[];
}

/** Overwrite t.Z with I − A (A = Z diag(1/x)); throws when a column sum of A is ≥ 1. */
function toIminusA(t: CityMrio): Float64Array {
  const nN = t.go.length;
  const a = t.Z;
  const inv = Float64Array.from(t.go, (v) => (v !== 0 ? 1 / v : 0));
  const col = new Float64Array(nN);
  for (let r = 0; r < nN; r++) {
    const o = r * nN;
    for (let c = 0; c < nN; c++) {
      const v = a[o + c] * inv[c];
      col[c] += v;
      a[o + c] = -v;
    }
    a[o + r] += 1;
  }
  for (let c = 0; c < nN; c++) {
    if (col[c] >= 1) throw new NumericalError(`${t.source}: column sum of A is ${col[c]} (≥ 1) in ${rowLabel(t, c)}; I − A is not productive.`);
  }
  return a;
}

/** Solve one year: returns X (nN × n), the checks and the totals of the accounting checks. */
export function solveYear(t: CityMrio): { X: Float64Array; info: YearSolve; totals: YearTotals } {
  const check = checkCityMrio(t);
  const n = t.cities.length;
  const nN = t.go.length;
  const k = n + 2;
  const rhs = matrix(nN, k);
  for (let r = 0; r < nN; r++) {
    let tot = t.exp[r] + t.other[r];
    for (let d = 0; d < n; d++) {
      let s = 0;
      for (let m = 0; m < K_FD; m++) s += t.Y[(r * n + d) * K_FD + m];
      rhs.data[r * k + d] = s;
      tot += s;
    }
    rhs.data[r * k + n] = tot;
    rhs.data[r * k + n + 1] = t.exp[r] + t.other[r];
  }
  const IA = toIminusA(t);
  const t0 = performance.now();
  const X = linalg().solve({ rows: nN, cols: nN, data: IA }, rhs).data;
  const seconds = (performance.now() - t0) / 1000;
  // residual on up to 4 columns
  const cols = [...new Set([0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1])];
  let num = 0;
  let den = 0;
  for (const c of cols) {
    for (let r = 0; r < nN; r++) {
      let s = 0;
      const o = r * nN;
      for (let q = 0; q < nN; q++) s += IA[o + q] * X[q * k + c];
      num += (s - rhs.data[r * k + c]) ** 2;
      den += rhs.data[r * k + c] ** 2;
    }
  }
  let xr = 0;
  for (let r = 0; r < nN; r++) if (t.go[r] !== 0) xr = Math.max(xr, Math.abs(X[r * k + n] - t.go[r]) / Math.abs(t.go[r]));
  const out = new Float64Array(nN * n);
  const totals: YearTotals = { codes: t.cities, byOrigin: new Float64Array(n), external: 0, output: 0 };
  for (let r = 0; r < nN; r++) {
    out.set(X.subarray(r * k, r * k + n), r * n);
    for (let d = 0; d < n; d++) totals.byOrigin[d] += X[r * k + d];
    totals.external += X[r * k + n + 1];
    totals.output += t.go[r];
  }
  return { totals, X: out, info: { year: t.year, seconds, leontiefResidual: den > 0 ? Math.sqrt(num / den) : 0, outputResidual: xr, check, cities: n } };
}

/** Run the three years and build T for every period (cities matched by code). */
export async function computeTransfer(src: CityMrioSource, onYear?: (y: YearSolve) => void): Promise<TransferBlocks> {
  const blocks = new Map<number, { codes: string[]; sectors: string[]; X: Float64Array }>();
  const years: YearSolve[] = [];
  const totals = new Map<number, YearTotals>();
  for (const y of src.years) {
    const t = await src.load(y);
    const { X, info, totals: tot } = solveYear(t);
    totals.set(y, tot);
    blocks.set(y, { codes: t.cities, sectors: t.sectors, X });
    years.push(info);
    onYear?.(info);
  }
  const first = blocks.get(src.years[0]);
  if (!first) throw new InputError('city transfer: no MRIO years.');
  const sectors = first.sectors;
  for (const b of blocks.values()) {
    if (b.sectors.join() !== sectors.join()) throw new InputError(`city MRIO years have different sector lists (${b.sectors.length} vs ${sectors.length}).`);
  }
  const codes = first.codes.filter((c) => [...blocks.values()].every((b) => b.codes.includes(c)));
  const n = codes.length;
  const N = sectors.length;
  /** X^y restricted to the common cities at ((i·n + j)·N + s) = X^y[(j,s), i]. */
  const restrict = (b: { codes: string[]; X: Float64Array }): Float64Array => {
    const nb = b.codes.length;
    const pos = codes.map((c) => b.codes.indexOf(c));
    const out = new Float64Array(n * n * N);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const o = (i * n + j) * N;
        for (let s = 0; s < N; s++) out[o + s] = b.X[(pos[j] * N + s) * nb + pos[i]];
      }
    }
    return out;
  };
  const R = new Map([...blocks].map(([y, b]) => [y, restrict(b)]));
  const T = PERIODS.map((p) => {
    const a = R.get(p.y0);
    const b = R.get(p.y1);
    if (!a || !b) throw new InputError(`city transfer: period ${p.name} needs the ${p.y0} and ${p.y1} tables.`);
    const dy = p.y1 - p.y0;
    return b.map((v, q) => (v - a[q]) / dy);
  });
  return { codes, sectors, T, years, accounting: periodAccounting(codes, N, T, totals) };
}

/** IT = sign(T) ln(1 + |T|) (odd, monotone, 0 at 0). */
export const itOf = (t: number): number => Math.sign(t) * Math.log1p(Math.abs(t));
