/** .dta outputs: `gvc decompose --out f.dta` and the study runner's tidy panel writer. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/decompose.js';
import { parseDta } from '../../src/node/dta-read.js';
import { parseCsv } from '../../src/econometrics/io/csv.js';
import { frame } from '../../src/econometrics/frame.js';
import { panelDta } from '../../src/study/panel-dta.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-dta-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOY = `country,sector,A.s1,A.s2,B.s1,B.s2,A.FD,B.FD
A,s1,10,5,4,2,20,6
A,s2,3,12,1,6,15,8
B,s1,2,3,15,4,7,25
B,s2,5,1,2,9,4,30
`;

async function decompose(args: string[]): Promise<string> {
  const program = new Command();
  program.exitOverride();
  register(program);
  let err = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    await program.parseAsync(['decompose', ...args], { from: 'user' });
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  return err;
}

describe('gvc decompose --out f.dta', () => {
  it('writes the same table as --out f.csv', async () => {
    const t1 = join(dir, 'toy_2010.csv');
    const t2 = join(dir, 'toy_2011.csv');
    writeFileSync(t1, TOY);
    writeFileSync(t2, TOY.replace('A,s1,10,5', 'A,s1,11,5'));
    await decompose([t1, t2, '--method', 'wwz', '--out', join(dir, 'w.csv')]);
    const err = await decompose([t1, t2, '--method', 'wwz', '--out', join(dir, 'w.dta')]);
    expect(err).toMatch(/wrote .*w\.dta/);
    const csv = parseCsv(readFileSync(join(dir, 'w.csv'), 'utf8'));
    const d = parseDta(readFileSync(join(dir, 'w.dta')));
    expect(d.release).toBe(118);
    expect(d.datasetLabel).toBe('gvc decompose --method wwz');
    expect(d.frame.nrow).toBe(csv.nrow);
    const renamed = new Map(d.names.map((n, j) => [Object.keys(csv.columns)[j], n]));
    for (const [name, col] of Object.entries(csv.columns)) {
      const got = d.frame.columns[renamed.get(name)!];
      if (col instanceof Float64Array) {
        expect(got).toBeInstanceOf(Float64Array);
        const g = got as Float64Array;
        for (let i = 0; i < col.length; i++) expect(g[i]).toBe(col[i]); // CSV keeps full precision
      } else expect(got).toEqual(col);
    }
  });
});

describe('study panel as .dta', () => {
  it('writes the chosen columns in order, deterministically, with renames noted', () => {
    const df = frame({ country: ['ARG', 'BRA'], 'gvc part.': [0.5, NaN], year: [2000, 2001], unused: [1, 2] });
    const a = panelDta(df, ['country', 'year', 'gvc part.'], 'A study title that is rather long, so long that Stata would not accept it as it is');
    const b = panelDta(df, ['country', 'year', 'gvc part.'], 'A study title that is rather long, so long that Stata would not accept it as it is');
    expect(a.bytes).toEqual(b.bytes);
    expect(a.notes).toEqual([".dta variable 'gvc part.' renamed to 'gvc_part_' (Stata naming rules)"]);
    const d = parseDta(a.bytes);
    expect(d.names).toEqual(['country', 'year', 'gvc_part_']);
    expect(Array.from(d.datasetLabel)).toHaveLength(80);
    expect(d.frame.columns.country).toEqual(['ARG', 'BRA']);
    const g = d.frame.columns.gvc_part_ as Float64Array;
    expect(g[0]).toBe(0.5);
    expect(Number.isNaN(g[1])).toBe(true);
  });
});
