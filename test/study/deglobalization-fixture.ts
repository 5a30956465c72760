/**
 * Shared fixture of the deglobalization study tests: the embedded WIOD 2013 tables 1999-2011 (the window
 * 2000-2011 and the year before), read once per test file, and the study analysed with a small bootstrap.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '../../src/node/files.js';
import { useBestBackend } from '../../src/node/backend.js';
import { configFromOptions, type DeglobConfig } from '../../src/study/deglobalization/config.js';
import { analyze } from '../../src/study/deglobalization/index.js';
import { loadMeasures } from '../../src/study/deglobalization/load.js';
import type { YearMeasures } from '../../src/study/deglobalization/measures.js';
import type { StudyResult } from '../../src/study/types.js';
import { REPO_ROOT } from '../shared-data.js';

export const WIOD_DIR = join(REPO_ROOT, 'data', 'wiod2013');
export const BOOT = 50;

export function wiodFiles(first = 1999, last = 2011): string[] {
  return readdirSync(WIOD_DIR)
    .filter((f) => /wiot_(\d{4})\.csv\.gz$/.test(f))
    .filter((f) => {
      const y = Number(f.match(/(\d{4})/)![1]);
      return y >= first && y <= last;
    })
    .sort()
    .map((f) => join(WIOD_DIR, f));
}

export interface Fixture {
  cfg: DeglobConfig;
  measures: YearMeasures[];
  result: StudyResult;
}

export async function loadFixture(options: Record<string, string> = { bootstrap: String(BOOT) }): Promise<Fixture> {
  await useBestBackend();
  const cfg = configFromOptions(options);
  const measures = loadMeasures(wiodFiles(), cfg, readText, () => {});
  const result = analyze(measures, cfg, undefined, () => {});
  return { cfg, measures, result };
}
