/**
 * Spec 5.1 reference values of `gvc esi ... --json` on ../shared/data/trade/baci_hs17_2020_afg_zaf.csv.gz
 * (HS6/4/2; markets USA, DEU, world; excludeMutual), run through the CLI (`npx tsx src/cli/index.ts`),
 * tolerance 1e-6. Skips when the shared data folder is absent.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO_ROOT, shared } from '../shared-data.js';

const run = promisify(execFile);
const FILE = shared('trade', 'baci_hs17_2020_afg_zaf.csv.gz');
const have = HAS_SHARED && existsSync(FILE);
if (!have) console.warn(`skipping the gvc esi CLI reference values: ${FILE} is absent`);

async function esi(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('npx', ['tsx', 'src/cli/index.ts', 'esi', FILE, '--exporters', 'AFG,ZAF', ...args, '--json'], { cwd: REPO_ROOT, timeout: 120_000 });
  const doc = JSON.parse(stdout) as { comparisons: Array<Record<string, unknown>> };
  expect(doc.comparisons.length).toBe(1);
  return doc.comparisons[0];
}

const CASES: Array<[string, number, boolean, number, [number, number, number] | null]> = [
  ['USA', 6, false, 0.006872, [75, 1267, 31]],
  ['USA', 4, false, 0.022053, null],
  ['USA', 2, false, 0.201618, null],
  ['DEU', 6, false, 0.005567, [99, 1115, 40]],
  ['DEU', 4, false, 0.016174, null],
  ['DEU', 2, false, 0.094806, null],
  ['world', 6, false, 0.069746, [1072, 5071, 1070]],
  ['world', 4, false, 0.086779, null],
  ['world', 2, false, 0.164137, null],
  ['world', 6, true, 0.069732, null],
];

describe.skipIf(!have)('gvc esi on the AFG/ZAF sample (spec 5.1)', () => {
  for (const [market, level, mutual, want, counts] of CASES) {
    it(`ESI(AFG, ZAF | ${market}) HS${level}${mutual ? ' excludeMutual' : ''} = ${want}`, async () => {
      const c = await esi(['--market', market, '--level', String(level), ...(mutual ? ['--exclude-mutual'] : [])]);
      expect(Math.abs((c.esi as number) - want)).toBeLessThan(1e-6);
      if (counts) expect([c.n_products_e1, c.n_products_e2, c.n_common]).toEqual(counts);
      if (market === 'USA' && level === 6) expect([c.value_e1, c.value_e2]).toEqual([4430.449, 2877220.528]);
      if (market === 'DEU' && level === 6) expect([c.value_e1, c.value_e2]).toEqual([6772.542, 3075108.21]);
    }, 120_000);
  }
});

describe.skipIf(!have)('gvc esi exit statuses (spec 5.5)', () => {
  const status = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((done) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'esi', ...args], { cwd: REPO_ROOT, timeout: 120_000 }, (err, _out, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stderr: String(stderr) }),
      );
    });

  it('1 for the third-market rule (one line), 2 for usage errors, 0 on success', async () => {
    const third = await status([FILE, '--exporters', 'AFG,ZAF', '--market', 'ZAF,USA', '--json']);
    expect(third.code).toBe(1);
    expect(third.stderr.trim().split('\n')).toHaveLength(1);
    expect(third.stderr).toMatch(/third-market/);
    expect((await status([FILE, '--exporters', 'AFG,ZAF', '--level', '3', '--json'])).code).toBe(2);
    expect((await status([FILE, '--exporters', 'AFG', '--json'])).code).toBe(2);
    expect((await status([FILE, '--market', 'USA', '--json'])).code).toBe(2);
    expect((await status([FILE, '--exporters', 'AFG,ZAF', '--market', 'USA'])).code).toBe(0);
  }, 180_000);
});
