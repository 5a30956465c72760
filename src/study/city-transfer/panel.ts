/**
 * The ordered-pair panel of §6.2 (one row per analysed ordered pair i ≠ j and period, sorted by period,
 * origin, dest) and its CSV:
 *   T = Σ_s T[i→j,s];  T^G = Σ_{s∈G} T[i→j,s] (G = labour, capital, technology);  IT = sign(T) ln(1 + |T|);
 *   IT_direction = 1[T > 0];  connectivity_double = HSR × INFO;  tier of d_ij;  gradient (dev) and
 *   pop_gradient (population), both time-invariant;  controls and factors of origin (_i) and destination (_j).
 * The frame also carries the internal columns `pair` (FE and cluster id), `pidx` (0, 1) used by the models.
 */
import { frame, type DataFrame } from '../../econometrics/frame.js';
import { AtomicFile } from './mrio-csv.js';
import { GROUPS, PERIODS, TIERS, groupOf, tierOf, type StudyOptions } from './config.js';
import { itOf, type TransferBlocks } from './transfer.js';
import { CONTROLS, FACTORS, isDown, type CityVars } from './variables.js';

export const PANEL_COLUMNS: readonly string[] = [
  'period', 'y0', 'y1', 'origin', 'dest', 'T', 'IT', 'IT_direction', 'T_labor', 'T_capital', 'T_tech',
  'IT_labor', 'IT_capital', 'IT_tech', 'connectivity_HSR', 'connectivity_I', 'connectivity_double', 'distance_km',
  'tier', 'gradient', 'pop_gradient',
  ...CONTROLS.map((c) => `${c}_i`), ...CONTROLS.map((c) => `${c}_j`),
  ...FACTORS.map((f) => `${f}_i`), ...FACTORS.map((f) => `${f}_j`),
];
const TEXT = new Set(['period', 'origin', 'dest', 'tier', 'gradient', 'pop_gradient']);
const GROUP_COL = { L: 'labor', C: 'capital', T: 'tech' } as const;

export interface Panel {
  df: DataFrame;
  /** Analysed city codes (panel order) and the index maps into the transfer blocks and the variables. */
  codes: string[];
  /** Sector groups used. */
  groupSectors: Record<string, string[]>;
}

export function buildPanel(tr: TransferBlocks, v: CityVars, opts: StudyOptions): Panel {
  const codes = [...v.codes].sort();
  const n = codes.length;
  const tIdx = codes.map((c) => tr.codes.indexOf(c));
  const vIdx = codes.map((c) => v.codes.indexOf(c));
  const nT = tr.codes.length;
  const N = tr.sectors.length;
  const grp = tr.sectors.map((s) => groupOf(s, opts.sectorGroups));
  const rows = 2 * n * (n - 1);
  const num: Record<string, Float64Array> = {};
  for (const c of PANEL_COLUMNS) if (!TEXT.has(c)) num[c] = new Float64Array(rows);
  num.pair = new Float64Array(rows);
  num.pidx = new Float64Array(rows);
  const txt: Record<string, string[]> = {};
  for (const c of TEXT) txt[c] = new Array<string>(rows);
  const nv = v.n;
  let r = 0;
  PERIODS.forEach((p, k) => {
    const T = tr.T[k];
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a === b) continue;
        const o = (tIdx[a] * nT + tIdx[b]) * N;
        let tot = 0;
        const g = { L: 0, C: 0, T: 0 };
        for (let s = 0; s < N; s++) {
          const val = T[o + s];
          tot += val;
          const gs = grp[s];
          if (gs) g[gs] += val;
        }
        const i = vIdx[a];
        const j = vIdx[b];
        const q = i * nv + j;
        txt.period[r] = p.name;
        num.y0[r] = p.y0;
        num.y1[r] = p.y1;
        txt.origin[r] = codes[a];
        txt.dest[r] = codes[b];
        num.T[r] = tot;
        num.IT[r] = itOf(tot);
        num.IT_direction[r] = tot > 0 ? 1 : 0;
        for (const G of GROUPS) {
          num[`T_${GROUP_COL[G]}`][r] = g[G];
          num[`IT_${GROUP_COL[G]}`][r] = itOf(g[G]);
        }
        num.connectivity_HSR[r] = v.hsr[k][q];
        num.connectivity_I[r] = v.info[k][q];
        num.connectivity_double[r] = v.hsr[k][q] * v.info[k][q];
        num.distance_km[r] = v.dist[q];
        txt.tier[r] = TIERS[tierOf(v.dist[q])].name;
        txt.gradient[r] = isDown(v.dev, v.codes, i, j) ? 'down' : 'up';
        txt.pop_gradient[r] = isDown(v.popMean, v.codes, i, j) ? 'down' : 'up';
        for (const c of CONTROLS) {
          num[`${c}_i`][r] = v.controls[k][c][i];
          num[`${c}_j`][r] = v.controls[k][c][j];
        }
        for (const f of FACTORS) {
          num[`${f}_i`][r] = v.factors[k][f][i];
          num[`${f}_j`][r] = v.factors[k][f][j];
        }
        num.pair[r] = a * n + b;
        num.pidx[r] = k;
        r++;
      }
    }
  });
  const groupSectors: Record<string, string[]> = {};
  for (const G of GROUPS) groupSectors[GROUP_COL[G]] = tr.sectors.filter((_, s) => grp[s] === G);
  return { df: frame({ ...txt, ...num }), codes, groupSectors };
}

const f = (x: number): string => (Number.isFinite(x) ? (x === 0 ? '0' : String(x)) : '');

/** city_pairs_panel.csv with round-trip numbers. */
export function writePanel(p: Panel, path: string): void {
  const out = new AtomicFile(path);
  out.write(PANEL_COLUMNS.join(',') + '\n');
  const cols = PANEL_COLUMNS.map((c) => p.df.columns[c]);
  for (let r = 0; r < p.df.nrow; r++) {
    out.write(cols.map((c) => (c instanceof Float64Array ? f(c[r]) : c[r])).join(',') + '\n');
  }
  out.close();
}

/** city_transfer_long.csv: period, origin, dest, sector, T over analysed pairs and all sectors. */
export function writeLong(tr: TransferBlocks, p: Panel, path: string): void {
  const out = new AtomicFile(path);
  out.write('period,origin,dest,sector,T\n');
  const nT = tr.codes.length;
  const N = tr.sectors.length;
  const idx = p.codes.map((c) => tr.codes.indexOf(c));
  PERIODS.forEach((per, k) => {
    for (let a = 0; a < p.codes.length; a++) {
      for (let b = 0; b < p.codes.length; b++) {
        if (a === b) continue;
        const o = (idx[a] * nT + idx[b]) * N;
        const pre = `${per.name},${p.codes[a]},${p.codes[b]},`;
        const lines: string[] = [];
        for (let s = 0; s < N; s++) lines.push(`${pre}${tr.sectors[s]},${f(tr.T[k][o + s])}\n`);
        out.write(lines.join(''));
      }
    }
  });
  out.close();
}
