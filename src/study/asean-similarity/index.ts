/**
 * Study `asean-similarity`: China–ASEAN capacity cooperation and GVC position measured by export similarity
 * with the USA and Germany (Bi Jingtong; spec asean-similarity.md), on a CEPII BACI HS02 release plus a
 * covariates file, or on the planted-effect synthetic release of spec 5.4.
 *
 * Two entry points:
 *   - runAsean (run.ts): the full command of spec 5.5 (--data | --synthetic, --seed, --noise, --out), writing
 *     every spec 6 output under its exact name plus asean_run.json;
 *   - `study` below: the generic runner's StudyDefinition (`runStudy('asean-similarity', { data, out })`),
 *     which writes the runner's layout (panel, tables/, figures/, estimates/, report.html). Without --data it
 *     runs on the synthetic release written to a temporary directory.
 * Options (key=value): exporters, references, market, combine=mean|pooled, level=6|4|2, years, bloc,
 * pa_series=nonresident|total, re_variance=stata|plm, exclude_mutual, parens=stat|se.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomic } from '../../node/files.js';
import type { StudyContext, StudyDefinition, StudyResult } from '../types.js';
import { analyse } from './pipeline.js';
import { toStudyResult } from './result.js';
import { syntheticAsean } from './synthetic.js';

export { runAsean, type AseanRunOptions, type AseanRunResult } from './run.js';
export { analyse, type AseanAnalysis } from './pipeline.js';

async function run(ctx: StudyContext): Promise<StudyResult> {
  const options = { ...ctx.options };
  const seed = options.seed !== undefined ? Number(options.seed) : 42;
  const noise = options.noise !== undefined ? Number(options.noise) : 0.01;
  delete options.seed;
  delete options.noise;
  let paths = ctx.files;
  const notes: string[] = [];
  if (paths.length === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'gvc-asean-'));
    const d = syntheticAsean({ seed, noise });
    for (const [name, text] of d.files) writeAtomic(join(dir, name), text);
    paths = [dir];
    notes.push(`No --data: synthetic release of spec 5.4 (seed ${seed}, noise ${noise}) written to ${dir}.`);
    ctx.progress(notes[0]);
  }
  const a = await analyse({ paths, options, readText: ctx.readText, progress: ctx.progress });
  a.notes.push(...notes);
  return toStudyResult(a);
}

export const study: StudyDefinition = {
  name: 'asean-similarity',
  title: 'China-ASEAN capacity cooperation and export similarity with the USA and Germany',
  dataNeeds: 'a CEPII BACI HS02 release (yearly BACI_HS02_Y<year>_V<v>.csv[.gz] with country and product tables) and covariates.csv; or --synthetic',
  defaultData() {
    return [];
  },
  run,
};
