/**
 * Study `city-transfer` (spec city-transfer.md): HSR and information connectivity and inter-city industrial
 * transfer from a city MRIO — the declarative plug-in for the study runner (src/study/runner.ts).
 *
 * The runner passes study flags as --option key=value: synthetic=tiny|small|paper, effects, seed, noise,
 * beta-hsr, beta-info, beta-double, write-tables=1, out=<dir for synthetic/ and the extra files>; --data points
 * at a §5.1 folder. The §6.1 command line itself (exit statuses 2/3, default --out) is cli.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { useBestBackend } from '../../node/backend.js';
import type { StudyContext, StudyDefinition, StudyResult } from '../types.js';
import { parseCityArgs } from './cli.js';
import { CITY_TITLE, cityStudyResult } from './result.js';
import { runCityTransfer } from './run.js';

const FLAGS = ['synthetic', 'effects', 'seed', 'noise', 'beta-hsr', 'beta-info', 'beta-double', 'sector-groups', 'stat', 'focus'];

/** ctx.options (keys with - or _) and ctx.files -> the §6.1 argv. */
export function argvFromContext(ctx: Pick<StudyContext, 'options' | 'files'>): string[] {
  const argv: string[] = [];
  const get = (k: string) => ctx.options[k] ?? ctx.options[k.replace(/-/g, '_')];
  for (const k of FLAGS) if (get(k) !== undefined) argv.push(`--${k}`, get(k) as string);
  if (get('write-tables') === '1' || get('write-tables') === 'true') argv.push('--write-tables');
  if (get('synthetic') === undefined && ctx.files.length) argv.push('--data', dirname(ctx.files[0]));
  argv.push('--out', get('out') ?? mkdtempSync(join(tmpdir(), 'city-transfer-')), '--no-png');
  return argv;
}

export const study: StudyDefinition = {
  name: 'city-transfer',
  title: CITY_TITLE,
  dataNeeds: 'CEADs-style city MRIO 2012/2015/2017 (mrio_<year>.csv, .long.csv, .parquet or CEADs .xlsx with an optional layout JSON and city_codes.csv) plus cities, city_panel, hsr_lines, baidu_index CSVs; default: synthetic small',
  defaultData: () => [],
  async run(ctx: StudyContext): Promise<StudyResult> {
    await useBestBackend();
    const o = parseCityArgs(argvFromContext(ctx));
    const r = await runCityTransfer({ ...o, progress: ctx.progress });
    return cityStudyResult(r, o);
  },
};
