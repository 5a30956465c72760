/**
 * Synthetic covariates for tests and demos of the bri-upgrading study (spec 5: "every output built on it says
 * synthetic covariates"). Nothing here is data: the series are random draws of plausible magnitude with no
 * relation planted between them and the GVC indices, so estimates on them test the machinery only.
 *
 * For origin r and year t (seeded mulberry32 PRNG; u ~ U(0,1), z ~ N(0,1) by Box-Muller):
 *   tariff_wm  = max(0.3, a_r - 0.15 (t - t_first) + 0.4 z)        a_r ~ U(2, 12)
 *   tert_enrol = max(3, h_r + 1.5 (t - t_first) + 2 z)             h_r ~ U(10, 70)
 *   rd_gdp     = max(0.05, q_r (1 + 0.02 (t - t_first)) + 0.05 z)  q_r ~ U(0.2, 2.5)
 *   ofdi_stock_usd[r->j,t] = s_rj 1.12^(t - t_first) (1 + 0.05 z)  s_rj ~ U(1e7, 5e9) with probability 0.35,
 *                            the triple left out otherwise (a zero stock); one stock per file is negative
 *   host gfcf_usd = G_j 1.03^(t - t_first),  rde_usd = R_j 1.025^(t - t_first)   (G_j ~ U(2e11, 4e12), R_j ~ U(2e10, 4e11))
 * About 3% of covariate cells are blank (interior gaps exercise the interpolation rule).
 */

import { mulberry32 } from '../../random.js';

export interface SyntheticFiles {
  covariates: string;
  ofdi: string;
  hosts: string;
}

const r6 = (x: number) => String(Number(x.toPrecision(6)));

export function syntheticCovariates(seed: number, countries: readonly string[], hosts: readonly string[], years: [number, number]): SyntheticFiles {
  const u = mulberry32(seed);
  const z = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const [t1, t2] = years;
  const cov = ['country,year,tariff_wm,tert_enrol,rd_gdp'];
  const ofdi = ['origin,host,year,ofdi_stock_usd'];
  const host = ['host,year,gfcf_usd,rde_usd'];
  let negativeDone = false;
  for (const r of countries) {
    const a = 2 + 10 * u();
    const h = 10 + 60 * u();
    const q = 0.2 + 2.3 * u();
    for (let t = t1; t <= t2; t++) {
      const k = t - t1;
      const cell = (x: number) => (t > t1 && t < t2 && u() < 0.03 ? '' : r6(x));
      cov.push([r, t, cell(Math.max(0.3, a - 0.15 * k + 0.4 * z())), cell(Math.max(3, h + 1.5 * k + 2 * z())), cell(Math.max(0.05, q * (1 + 0.02 * k) + 0.05 * z()))].join(','));
    }
    for (const j of hosts) {
      if (j === r || u() >= 0.35) continue;
      const s = 1e7 + 5e9 * u();
      for (let t = t1; t <= t2; t++) {
        let v = s * Math.pow(1.12, t - t1) * (1 + 0.05 * z());
        if (!negativeDone && t === t2) {
          v = -v / 100;
          negativeDone = true;
        }
        ofdi.push(`${r},${j},${t},${r6(v)}`);
      }
    }
  }
  for (const j of hosts) {
    const G = 2e11 + 3.8e12 * u();
    const R = 2e10 + 3.8e11 * u();
    for (let t = t1; t <= t2; t++) host.push(`${j},${t},${r6(G * Math.pow(1.03, t - t1))},${r6(R * Math.pow(1.025, t - t1))}`);
  }
  return { covariates: cov.join('\n') + '\n', ofdi: ofdi.join('\n') + '\n', hosts: host.join('\n') + '\n' };
}
