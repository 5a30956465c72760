/** Helpers for the MRIO reader tests: where the shared mocks live, independent sums, a KWW run. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kww, KWW_TERMS } from '../../../src/decompose/kww.js';
import { buildModel } from '../../../src/mrio/model.js';
import type { MrioTable } from '../../../src/mrio/table.js';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../../..');
export const MOCKS = resolve(REPO, '../shared/data/mock_mrios');
export const HAVE_MOCKS = existsSync(MOCKS);
if (!HAVE_MOCKS) console.warn(`skipping MRIO reader tests on raw samples: ${MOCKS} is absent (see ../shared/data/README.md)`);

export function total(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** Relative closeness for totals (sums in a different order differ in the last bits). */
export function close(a: number, b: number, rel = 1e-12): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every number in a text by a plain split on separators (an independent parse). */
export function sumAllNumbers(text: string, sep: RegExp = /[\t,\r\n]+/): number {
  let s = 0;
  for (const tok of text.split(sep)) {
    const t = tok.trim();
    if (t === '') continue;
    const v = Number(t);
    if (Number.isNaN(v)) throw new Error(`not a number: ${t}`);
    s += v;
  }
  return s;
}

/** Leontief model and KWW on the table: both must give finite numbers; KWW terms add up to exports. */
export function runKww(t: MrioTable): { exports: number; termsTotal: number } {
  const m = buildModel(t);
  const r = kww(m);
  let termsTotal = 0;
  for (const k of KWW_TERMS) for (const v of r.terms[k]) {
    if (!Number.isFinite(v)) throw new Error(`KWW term ${k} is not finite`);
    termsTotal += v;
  }
  return { exports: total(r.exports), termsTotal };
}
