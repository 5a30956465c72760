/**
 * Panel threshold benchmark on Hansen's (1999) investment panel (565 firms x 14 years = 7,910 rows,
 * model i ~ q1 + q2 + q3 + d1 + qd1, regime c1, threshold d1):
 *   - full-grid single-threshold search (every distinct d1 value, 6,747 candidates), no bootstrap;
 *   - three thresholds with 300 bootstrap replications each, full grid and a 300-point quantile grid.
 * Prints seconds (best of --reps) and writes bench/results/threshold.json.
 *
 *   npm run bench -- threshold [--reps 3] [--boot 300] [--data PATH]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../src/node/read-csv.js';
import { thresholdModel, type ThresholdOptions, type ThresholdResult } from '../src/econometrics/threshold/index.js';
import type { Benchmark } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Case {
  name: string;
  options: ThresholdOptions;
  seconds: number[];
  best: number;
  thresholds: number[];
  F: number[];
  p: number[];
  ci95: Array<[number, number]>;
}

function parseArgs(argv: string[]): { reps: number; boot: number; data: string } {
  const o = { reps: 3, boot: 300, data: resolve(here, '../../shared/data/econ/hansen1999.csv') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--reps') o.reps = Number(value());
    else if (flag === '--boot') o.boot = Number(value());
    else if (flag === '--data') o.data = value();
    else throw new Error(`threshold bench: unknown argument ${argv[i]}`);
  }
  return o;
}

export async function run(argv: string[] = []): Promise<void> {
  const o = parseArgs(argv);
  if (!existsSync(o.data)) {
    console.log(`threshold bench: data not found at ${o.data}; skipped.`);
    return;
  }
  const t0 = performance.now();
  const df = readCsv(o.data);
  const loadSeconds = (performance.now() - t0) / 1000;
  const vars = { regime: 'c1', q: 'd1', id: 'id', time: 'year' };
  const formula = 'i ~ q1 + q2 + q3 + d1 + qd1';
  const specs: Array<{ name: string; options: ThresholdOptions; reps: number }> = [
    { name: 'single, full grid, no bootstrap', options: { thresholds: 1, bootstrap: 0 }, reps: Math.max(o.reps, 5) },
    { name: `triple, full grid, ${o.boot} bootstrap x 3`, options: { thresholds: 3, bootstrap: o.boot, seed: 1 }, reps: o.reps },
    { name: `triple, grid 300, ${o.boot} bootstrap x 3`, options: { thresholds: 3, bootstrap: o.boot, seed: 1, grid: 300 }, reps: o.reps },
  ];
  const cases: Case[] = [];
  for (const s of specs) {
    const secs: number[] = [];
    let res: ThresholdResult | undefined;
    for (let r = 0; r < s.reps; r++) {
      const a = performance.now();
      res = thresholdModel(df, formula, vars, s.options);
      secs.push((performance.now() - a) / 1000);
    }
    const best = Math.min(...secs);
    const rr = res as ThresholdResult;
    const c: Case = {
      name: s.name,
      options: s.options,
      seconds: secs,
      best,
      thresholds: rr.thresholds,
      F: rr.steps.map((st) => st.F),
      p: rr.steps.map((st) => st.p),
      ci95: rr.steps.map((st) => {
        const ci = st.ci.find((x) => x.level === 0.95)!;
        return [ci.lower, ci.upper];
      }),
    };
    cases.push(c);
    console.log(
      `${s.name.padEnd(40)} best ${best.toFixed(3)} s   thresholds ${c.thresholds.join(', ')}   F ${c.F.map((f) => f.toFixed(2)).join(', ')}   p ${c.p.map((p) => (Number.isNaN(p) ? '-' : p.toFixed(3))).join(', ')}`,
    );
  }
  const out = {
    benchmark: 'threshold',
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    data: o.data,
    rows: df.nrow,
    loadSeconds,
    model: { formula, ...vars },
    cases: cases.map((c) => ({ ...c, p: c.p.map((v) => (Number.isNaN(v) ? null : v)) })),
  };
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'threshold.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${join(dir, 'threshold.json')}`);
}

export const thresholdBench: Benchmark = {
  name: 'threshold',
  description: "Hansen (1999) panel threshold: full-grid search and 3 x 300 bootstrap on Hansen's panel",
  run,
};
