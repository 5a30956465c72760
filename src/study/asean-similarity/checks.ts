/**
 * Checks that hold on any data (spec 7), run on every study run and reported as largest residuals:
 *   shares sum to 1; ESI in [0,1]; ESI(e,e) = 1; ESI(e,r) = ESI(r,e); ESI = 1 − ½‖S_e − S_r‖₁;
 *   invariance to rescaling v; a coarser HS level never gives a lower ESI; Import in [0,1];
 *   sample accounting adds up; FE vs FGLS(iid, dummies): identical slopes and z/t = sqrt(N/(N − n − k)).
 * Each entry is a non-negative violation (0 = holds exactly); `failures` lists those above tolerance.
 */
import { basketShares, esiL1, esiOfBaskets, type Basket, type ExportBaskets } from '../../indicators/similarity.js';
import { SAMPLE_VARIABLES, type AseanConfig } from './config.js';
import type { Table3Estimates } from './estimate.js';
import type { Panel } from './panel.js';

export interface CheckReport {
  residuals: Record<string, number>;
  failures: string[];
}

const TOL: Record<string, number> = { default: 1e-10 };

function scaled(b: Basket, c: number): Basket {
  return new Map([...b].map(([k, v]) => [k, v * c]));
}

export function runChecks(baskets: ExportBaskets, panel: Panel, est: Table3Estimates | undefined, cfg: AseanConfig): CheckReport {
  const r: Record<string, number> = {
    'shares sum to 1': 0,
    'ESI outside [0,1]': 0,
    'ESI(e,e) - 1': 0,
    'ESI(e,r) - ESI(r,e)': 0,
    'ESI - (1 - L1/2)': 0,
    'ESI change under rescaling v': 0,
    'coarser HS level lowers ESI': 0,
    'Import outside [0,1]': 0,
    'sample accounting mismatch': 0,
  };
  const bump = (k: string, v: number) => (r[k] = Math.max(r[k], Number.isFinite(v) ? v : Infinity));
  for (const y of baskets.years()) {
    for (const e of cfg.exporters) {
      const be = baskets.basket(y, e, cfg.level);
      if (be.size === 0) continue;
      let s = 0;
      for (const v of basketShares(be).values()) s += v;
      bump('shares sum to 1', Math.abs(s - 1));
      bump('ESI(e,e) - 1', Math.abs(esiOfBaskets(be, be) - 1));
      for (const ref of cfg.references) {
        const br = baskets.basket(y, ref, cfg.level);
        if (br.size === 0) continue;
        const x = esiOfBaskets(be, br);
        bump('ESI outside [0,1]', Math.max(0, -x, x - 1));
        bump('ESI(e,r) - ESI(r,e)', Math.abs(x - esiOfBaskets(br, be)));
        bump('ESI - (1 - L1/2)', Math.abs(x - esiL1(be, br)));
        bump('ESI change under rescaling v', Math.abs(x - esiOfBaskets(scaled(be, 7.25), scaled(br, 0.003))));
        let prev = esiOfBaskets(baskets.basket(y, e, 6), baskets.basket(y, ref, 6));
        for (const lvl of [4, 2] as const) {
          const c = esiOfBaskets(baskets.basket(y, e, lvl), baskets.basket(y, ref, lvl));
          bump('coarser HS level lowers ESI', Math.max(0, prev - c));
          prev = c;
        }
      }
    }
  }
  for (const row of panel.rows) if (row.import !== null) bump('Import outside [0,1]', Math.max(0, -row.import, row.import - 1));
  const a = panel.accounting;
  const dropped = Object.values(a.droppedByReason).reduce((s, v) => s + v, 0);
  const missingRows = panel.rows.filter((x) => SAMPLE_VARIABLES.some((v) => x[v] === null)).length;
  bump('sample accounting mismatch', Math.abs(a.n + dropped - a.frameRows) + Math.abs(missingRows - a.droppedRows) + (est ? Math.abs(est.fe.nobs - a.n) : 0));
  if (est) {
    const N = est.fe.nobs;
    const n = est.fe.groups;
    const k = est.data.names.length;
    const ratio = Math.sqrt(N / (N - n - k));
    r['FE slopes - FGLS slopes'] = 0;
    r['FGLS z / FE t - sqrt(N/(N-n-k))'] = 0;
    for (const v of est.data.names) {
      bump('FE slopes - FGLS slopes', Math.abs(est.fe.coef[v] - est.fgls.coef[v]));
      if (!est.fe.exactFit) bump('FGLS z / FE t - sqrt(N/(N-n-k))', Math.abs(est.fgls.stat[v] / est.fe.stat[v] - ratio));
    }
    r['within R2 outside [0,1]'] = est.fe.r2Within !== undefined ? Math.max(0, -est.fe.r2Within, est.fe.r2Within - 1) : 0;
    if (est.re.estimable && est.re.theta) {
      r['theta outside [0,1)'] = Math.max(0, ...Object.values(est.re.theta.byGroup).map((t) => (t < 0 ? -t : t >= 1 ? t - 1 + 1e-300 : 0)));
    }
    if (est.hausman.estimable) r['Hausman statistic < 0'] = Math.max(0, -est.hausman.stat);
  }
  const failures = Object.entries(r).filter(([k, v]) => v > (TOL[k] ?? TOL.default)).map(([k, v]) => `${k}: ${v.toExponential(3)}`);
  return { residuals: r, failures };
}
