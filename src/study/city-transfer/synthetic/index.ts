/**
 * Synthetic city-MRIO generator, §5.3: world (steps 1–4) → planted effect (step 6) → tables (steps 5, 7) →
 * files (step 8) under `<out>/synthetic/`. One seeded PRNG stream (xoshiro128**), drawn in that order.
 * tiny and small write mrio_<year>.csv (wide) and the pipeline reads them back; paper keeps the tables in
 * memory (materialised one year at a time); with `writeTables` run.ts writes them as mrio_<year>.parquet
 * (long layout, mrio-parquet.ts) — asynchronously, hence not here.
 * Assertions (GeneratorError, exit status 3): max|s| < a, Y ≥ 0 after the top-up retries, VA > 0, and at least
 * one analysed pair whose HSR changes between the periods.
 */
import { join } from 'node:path';
import { readText, writeAtomic } from '../../../node/files.js';
import { PERIODS, PROFILES, TABLE_YEARS, sectorCode, type SyntheticOptions } from '../config.js';
import { writeBaidu, writeCities, writeCityPanel, writeHsrLines, type CityInputs } from '../inputs.js';
import type { CityMrioSource } from '../mrio-city.js';
import { readWideCsv, writeWideCsv } from '../mrio-csv.js';
import { Rand } from '../random.js';
import { cityVariables, type CityVars } from '../variables.js';
import { GeneratorError, ETA, NU_HALF_WIDTH, plantEffects, type Planted } from './effects.js';
import { makeTables, type SyntheticTables } from './tables.js';
import { makeWorld } from './world.js';

export { GeneratorError } from './effects.js';

export interface SyntheticRun {
  inputs: CityInputs;
  /** Tables as the pipeline should read them (files for tiny/small, memory for paper). */
  source: CityMrioSource;
  /** In-memory tables (always available). */
  memory: CityMrioSource;
  vars: CityVars;
  planted: Planted;
  tables: SyntheticTables;
  truth: Record<string, unknown>;
  analysed: string[];
  hsrChangeShare: number;
}

const fmt = (v: number): string => (v === 0 ? '0' : String(v));

/**
 * Generate everything; `out` = the study output folder (files go to `<out>/synthetic/`), or undefined;
 * `writeMrio` false skips the tiny/small table files (tests that read the tables from memory).
 */
export function generateSynthetic(o: SyntheticOptions, out?: string, writeMrio = true): SyntheticRun {
  const prof = PROFILES[o.profile];
  const rand = new Rand(o.seed);
  const world = makeWorld(o.profile, rand);
  const vars = cityVariables(world.inputs, world.codes);
  if (vars.n !== world.n) throw new GeneratorError(`synthetic generator: ${world.n - vars.n} cities lost their panel series.`);
  const planted = plantEffects(vars, o, rand);
  const analysedIdx = world.codes.map((c, k) => (world.excluded.has(c) ? -1 : k)).filter((k) => k >= 0);
  const n = world.n;
  let changes = 0;
  for (const i of analysedIdx) for (const j of analysedIdx) if (i !== j && vars.hsr[0][i * n + j] !== vars.hsr[1][i * n + j]) changes++;
  const nA = analysedIdx.length;
  const hsrChangeShare = changes / (nA * (nA - 1));
  if (changes === 0) throw new GeneratorError(`synthetic generator: no analysed pair (of ${nA * (nA - 1)}) changes HSR between P1 and P2; the HSR coefficient would not be identified (try another --seed).`);
  const sectors = prof.sectors.map(sectorCode);
  const tables = makeTables(world, planted, sectors, rand);
  const lpm = (b: { down: number; up: number }) => (o.noise > 0 ? { down: b.down / (2 * o.noise), up: b.up / (2 * o.noise) } : null);
  const truth = {
    profile: o.profile, effects: o.effects, seed: o.seed, noise: o.noise,
    beta_hsr: o.betaHsr, beta_info: o.betaInfo, beta_double: o.effects === 'paper-like' ? o.betaDouble : 0,
    beta_edl_i: 0.1, beta_edl_j: -0.1, eta: [...ETA], nu_half_width: NU_HALF_WIDTH,
    lpm_hsr: lpm(o.betaHsr), lpm_info: lpm(o.betaInfo),
    n_table_cities: n, n_analysed: nA, max_abs_s: planted.maxAbsS,
    topup_share: tables.topupShare, hsr_change_share: hsrChangeShare,
  };
  const analysed = analysedIdx.map((k) => world.codes[k]);
  let source = tables.source;
  if (out) {
    const dir = join(out, 'synthetic');
    writeAtomic(join(dir, 'cities.csv'), writeCities(world.inputs.cities));
    writeAtomic(join(dir, 'city_panel.csv'), writeCityPanel(world.inputs.panel));
    writeAtomic(join(dir, 'hsr_lines.csv'), writeHsrLines(world.inputs.hsr));
    writeAtomic(join(dir, 'baidu_index.csv'), writeBaidu(world.inputs.baidu));
    writeAtomic(join(dir, 'synthetic_truth.json'), JSON.stringify(truth, null, 2) + '\n');
    const lines = ['period,origin,dest,s,z'];
    PERIODS.forEach((p, k) => {
      for (const i of analysedIdx) for (const j of analysedIdx) if (i !== j) lines.push(`${p.name},${world.codes[i]},${world.codes[j]},${fmt(planted.s[k][i * n + j])},${fmt(planted.z[k][i * n + j])}`);
    });
    writeAtomic(join(dir, 'synthetic_truth.csv'), lines.join('\n') + '\n');
    if (o.profile !== 'paper' && writeMrio) {
      for (const y of TABLE_YEARS) writeWideCsv(tables.load(y), join(dir, `mrio_${y}.csv`));
      source = { years: TABLE_YEARS, load: (y) => readWideCsv(readText(join(dir, `mrio_${y}.csv`)), y, `synthetic/mrio_${y}.csv`) };
    }
  }
  return { inputs: world.inputs, source, memory: tables.source, vars, planted, tables, truth, analysed, hsrChangeShare };
}
