/**
 * Big-table benchmark: a generated 9,800-sector table (49 countries x 200 sectors by default) written
 * to the .gvcb cache, read back from it, then the Leontief model (A, B = (I - A)^-1, local inverses)
 * and the KWW decomposition. Reports seconds per step and peak memory (resourceUsage().maxRSS and the
 * largest process.memoryUsage() seen) and writes them to bench/results/bigtable.json.
 *
 *   npm run bench -- bigtable [--countries 49] [--sectors 200] [--keep]
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kww, KWW_TERMS } from '../src/decompose/kww.js';
import { matrix } from '../src/linalg/index.js';
import { buildTable } from '../src/mrio/build.js';
import { buildModel } from '../src/mrio/model.js';
import { useBestBackend } from '../src/node/backend.js';
import { readGvcb, writeGvcb } from '../src/node/gvcb.js';
import type { Benchmark } from './run.js';
import { mulberry32 as rng } from '../src/random.js';


let peakHeap = 0;
let peakRss = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  peakRss = Math.max(peakRss, m.rss);
}

export async function run(argv: string[] = []): Promise<Record<string, unknown>> {
  let G = 49;
  let N = 200;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--countries') G = Number(argv[++i]);
    else if (argv[i] === '--sectors') N = Number(argv[++i]);
    else if (argv[i] === '--keep') keep = true;
    else throw new Error(`bigtable bench: unknown argument ${argv[i]}`);
  }
  const backend = await useBestBackend();
  const GN = G * N;
  const timer = setInterval(sample, 200);
  const times: Record<string, number> = {};
  const step = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    times[name] = (performance.now() - t0) / 1000;
    sample();
    console.log(`${name.padEnd(12)} ${times[name].toFixed(2)} s   rss ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GB`);
    return r;
  };
  const path = join(tmpdir(), `gvc-bigtable-${process.pid}.gvcb`);
  try {
    await step('generate', () => {
      const r = rng(42);
      const K = 2;
      const Z = matrix(GN, GN);
      const Y = matrix(GN, G * K);
      // dense positive flows, heavier within countries; column sums of A about 0.5
      for (let i = 0; i < GN; i++) {
        const ci = Math.floor(i / N);
        const o = i * GN;
        for (let j = 0; j < GN; j++) Z.data[o + j] = r() * (Math.floor(j / N) === ci ? 20 : 0.2);
        for (let k = 0; k < G * K; k++) Y.data[i * G * K + k] = r() * (Math.floor(k / K) === ci ? 4000 : 40);
      }
      const t = buildTable({ countries: Array.from({ length: G }, (_, i) => `C${i}`), sectors: Array.from({ length: N }, (_, i) => `s${i}`), fdCategories: ['HH', 'GFCF'], Z, Y, source: 'generated' });
      writeGvcb(path, t);
    });
    const size = statSync(path).size;
    const t = await step('read-gvcb', () => readGvcb(path));
    const m = await step('leontief', () => buildModel(t));
    const k = await step('kww', () => kww(m));
    let s = 0;
    for (const term of KWW_TERMS) for (const v of k.terms[term]) s += v;
    let e = 0;
    for (const v of k.exports) e += v;
    clearInterval(timer);
    sample();
    const result = {
      sectors: GN,
      countries: G,
      sectorsPerCountry: N,
      backend: backend.name,
      cacheBytes: size,
      seconds: times,
      maxRssGB: process.resourceUsage().maxRSS / 2 ** 20,
      peakSampledRssGB: peakRss / 2 ** 30,
      peakHeapPlusArrayBuffersGB: peakHeap / 2 ** 30,
      kwwTermsOverExports: s / e,
    };
    console.log(JSON.stringify(result, null, 1));
    const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'bigtable.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
    return result;
  } finally {
    clearInterval(timer);
    if (!keep) rmSync(path, { force: true });
  }
}

export const bigtableBench: Benchmark = {
  name: 'bigtable',
  description: '9,800-sector table: .gvcb read, Leontief model and KWW; time and peak memory',
  run: async (argv) => {
    await run(argv);
  },
};
