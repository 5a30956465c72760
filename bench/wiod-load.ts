/**
 * WIOD 2013 load benchmark: read and parse each of the 17 yearly tables (1995-2011, 41 x 35, gzip CSV),
 * and build the Leontief model for each. Target: < 3 s per year. Writes bench/results/wiod-load.json.
 *
 *   npm run bench -- wiod-load [--dir ../shared/data/wiod2013]
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLabeledCsv } from '../src/mrio/read/labeled-csv.js';
import { buildModel } from '../src/mrio/model.js';
import { readText } from '../src/node/files.js';
import { useBestBackend } from '../src/node/backend.js';
import type { Benchmark } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));

export const wiodLoadBench: Benchmark = {
  name: 'wiod-load',
  description: 'read all 17 WIOD 2013 years (target < 3 s each) and build A, B, local inverses',
  async run(argv: string[]): Promise<void> {
    const i = argv.indexOf('--dir');
    const dir = i >= 0 ? argv[i + 1] : join(here, '..', 'data', 'wiod2013');
    const backend = await useBestBackend();
    const files = readdirSync(dir).filter((f) => /^wiot_\d{4}\.csv\.gz$/.test(f)).sort();
    const rows: Array<{ year: number; readSeconds: number; modelSeconds: number }> = [];
    console.log(`backend: ${backend.name}`);
    console.log('year   read (s)   model (s)');
    for (const f of files) {
      const year = Number(f.slice(5, 9));
      const t0 = performance.now();
      const t = parseLabeledCsv(readText(join(dir, f)), { source: f, year });
      const t1 = performance.now();
      buildModel(t);
      const t2 = performance.now();
      rows.push({ year, readSeconds: (t1 - t0) / 1000, modelSeconds: (t2 - t1) / 1000 });
      console.log(`${year}   ${((t1 - t0) / 1000).toFixed(3).padStart(8)}   ${((t2 - t1) / 1000).toFixed(3).padStart(9)}`);
    }
    const maxRead = Math.max(...rows.map((r) => r.readSeconds));
    console.log(`slowest read: ${maxRead.toFixed(3)} s (target < 3 s): ${maxRead < 3 ? 'met' : 'NOT met'}`);
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', 'wiod-load.json'), JSON.stringify({ backend: backend.name, rows, maxRead }, null, 2) + '\n');
  },
};
