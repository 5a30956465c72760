/** Location of ../shared/data (tests and benchmarks only); tests skip with a message when it is absent. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = process.env.GVC_SHARED_DATA ?? join(REPO_ROOT, '..', 'shared', 'data');
export const HAS_SHARED = existsSync(SHARED_DATA);

export function shared(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

if (!HAS_SHARED) {
  // eslint-disable-next-line no-console
  console.warn(`[gvc tests] ${SHARED_DATA} is absent: tests that need the shared reference data are skipped.`);
}
