/**
 * City-transfer benchmark: the `paper` synthetic profile (309 table cities × 42 sectors = 12,978 rows, 273
 * analysed, 148,512 pair-period observations) end to end — generator (one 12,978 LU with 309 right-hand
 * sides), the pipeline's three Leontief solves (one LU each, 310 right-hand sides), panel, 88 regressions,
 * tables and figures. Reports wall time per phase and the peak resident set (process.resourceUsage().maxRSS,
 * cumulative, sampled after each phase). Writes bench/results/city.json.
 *
 *   npm run bench -- city [--profile paper|small] [--seed N] [--out DIR] [--no-png]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBestBackend } from '../src/node/backend.js';
import { effectDefaults, type Profile } from '../src/study/city-transfer/config.js';
import { runCityTransfer } from '../src/study/city-transfer/run.js';
import type { Benchmark } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));
const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

export const cityBench: Benchmark = {
  name: 'city',
  description: 'city-transfer study, synthetic paper profile (12,978-row Leontief solves) end to end, time and peak RSS',
  async run(argv: string[]): Promise<void> {
    const arg = (k: string, d: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : d);
    const profile = arg('--profile', 'paper') as Profile;
    const seed = Number(arg('--seed', '1'));
    const out = arg('--out', mkdtempSync(join(tmpdir(), 'city-bench-')));
    const backend = await useBestBackend();
    const d = effectDefaults('homogeneous');
    const t0 = performance.now();
    const phases: Array<{ phase: string; seconds: number; peakRssMb: number }> = [];
    let last = t0;
    const mark = (phase: string) => {
      const now = performance.now();
      phases.push({ phase, seconds: (now - last) / 1000, peakRssMb: rssMb() });
      console.log(`${phase.padEnd(48)} ${((now - last) / 1000).toFixed(2).padStart(8)} s   peak RSS ${rssMb().toFixed(0)} MB`);
      last = now;
    };
    console.log(`backend ${backend.name}, profile ${profile}, seed ${seed}, out ${out}`);
    const r = await runCityTransfer({
      synthetic: { profile, effects: 'homogeneous', seed, noise: d.noise, betaHsr: d.betaHsr, betaInfo: d.betaInfo, betaDouble: 0, writeTables: false },
      out,
      png: !argv.includes('--no-png'),
      progress: (line) => {
        if (/^(generating|\d{4}:|acceptance|panel:|estimating C2$|estimating C3J|done)/.test(line)) mark(line.slice(0, 48));
      },
    });
    const total = (performance.now() - t0) / 1000;
    const lu = r.timings.leontief.map((y) => ({ year: y.year, luSeconds: y.seconds, residual: y.leontiefResidual }));
    console.log(`three Leontief LU solves: ${lu.map((y) => y.luSeconds.toFixed(1)).join(' + ')} s; whole study ${total.toFixed(1)} s; peak RSS ${rssMb().toFixed(0)} MB; max|IT − z| ${r.maxItMinusZ?.toExponential(2)}`);
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', 'city.json'), JSON.stringify({
      backend: backend.name, profile, seed, rows: r.transfer.codes.length * r.transfer.sectors.length, observations: r.panel.df.nrow,
      phases, leontief: lu, totalSeconds: total, peakRssMb: rssMb(), maxItMinusZ: r.maxItMinusZ,
    }, null, 2) + '\n');
  },
};
