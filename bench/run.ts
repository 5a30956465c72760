/**
 * Benchmark dispatcher. `npm run bench` runs every registered benchmark; `npm run bench -- NAME [args]`
 * runs one (args after the name go to it). To add a benchmark, write bench/NAME.ts exporting a
 * `Benchmark` and append it to `registry` below.
 */
import { linalgBench } from './linalg.js';
import { bigtableBench } from './bigtable.js';
import { wiodLoadBench } from './wiod-load.js';
import { econBench } from './econ.js';
import { decomposeBench } from './decompose.js';
import { thresholdBench } from './threshold.js';
import { cityBench } from './city.js';

export interface Benchmark {
  /** Name used on the command line, e.g. `npm run bench -- linalg`. */
  readonly name: string;
  /** One line for `npm run bench -- --list`. */
  readonly description: string;
  /** Run it; argv is what followed the name on the command line. Results go to bench/results/NAME.json. */
  run(argv: string[]): Promise<void>;
}

const registry: Benchmark[] = [linalgBench, wiodLoadBench, econBench, decomposeBench, thresholdBench, bigtableBench, cityBench];

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === '--list' || name === '--help' || name === '-h') {
    for (const b of registry) console.log(`${b.name.padEnd(12)} ${b.description}`);
    return;
  }
  if (name === undefined) {
    for (const b of registry) {
      console.log(`\n== ${b.name}: ${b.description}`);
      await b.run([]);
    }
    return;
  }
  const bench = registry.find((b) => b.name === name);
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${registry.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  await bench.run(rest);
}

await main(process.argv.slice(2));
