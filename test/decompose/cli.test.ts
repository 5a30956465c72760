/** `gvc decompose` (src/cli/commands/decompose.ts), the tidy layer and the CSV writer. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/decompose.js';
import { toCsv, formatNumber } from '../../src/report/csv-writer.js';
import { stackYears, tidyRows, type TidyTable } from '../../src/decompose/tidy.js';

async function run(args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command();
  program.exitOverride();
  register(program);
  let out = '';
  let err = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  return { out, err };
}

const LEATHER = `country,sector,A.s1,A.s2,B.s1,B.s2,A.FD,B.FD
A,s1,10,5,4,2,20,6
A,s2,3,12,1,6,15,8
B,s1,2,3,15,4,7,25
B,s2,5,1,2,9,4,30
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gvc-decompose-'));
  await writeFile(join(dir, 'toy_2010.csv'), LEATHER);
  await writeFile(join(dir, 'toy_2011.csv'), LEATHER.replace('A,s1,10,5', 'A,s1,11,5'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('gvc decompose', () => {
  it('writes KWW to stdout with decompr names and prints the largest residual', async () => {
    const { out, err } = await run(['decompose', join(dir, 'toy_2010.csv'), '--method', 'kww']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('Country,DVA_FIN,DVA_INT,DVA_INTrex,RDV_FIN,RDV_INT,DDC,FVA_FIN,FVA_INT,FDC');
    expect(lines.length).toBe(3);
    expect(err).toMatch(/largest identity residual: .* relative/);
    expect(err).toMatch(/\[1\/1\] 2010: kww country/);
  });

  it('stacks many years with a leading year column and one progress line per year', async () => {
    const f = join(dir, 'bm.csv');
    const { err } = await run(['decompose', join(dir, 'toy_2010.csv'), join(dir, 'toy_2011.csv'), '--method', 'bm', '--level', 'bilateral', '--out', f]);
    const lines = (await readFile(f, 'utf8')).trim().split('\n');
    expect(lines[0].startsWith('year,Exporting_Country,Exporting_Industry,Importing_Country,GEXP,DC,DVA')).toBe(true);
    expect(lines.length).toBe(1 + 2 * 4);
    expect(lines[1].startsWith('2010,B,s1,A,')).toBe(true);
    expect(lines[8].startsWith('2011,A,s2,B,')).toBe(true);
    expect(err).toMatch(/\[2\/2\] 2011/);
  });

  it('writes Parquet', async () => {
    const f = join(dir, 'w.parquet');
    await run(['decompose', join(dir, 'toy_2010.csv'), '--method', 'wwz', '--out', f]);
    const buf = await readFile(f);
    expect(buf.subarray(0, 4).toString()).toBe('PAR1');
  });

  it('rejects unknown methods and levels, naming the valid ones', async () => {
    await expect(run(['decompose', join(dir, 'toy_2010.csv'), '--method', 'xyz'])).rejects.toThrow(/valid methods: kww, wwz, bm, leontief/);
    await expect(run(['decompose', join(dir, 'toy_2010.csv'), '--method', 'bm', '--level', 'world'])).rejects.toThrow(/country, sector, bilateral/);
    await expect(run(['decompose', join(dir, 'toy_2010.csv'), '--method', 'bm', '--out', 'x.xlsx'])).rejects.toThrow(/\.csv or \.parquet/);
  });
});

describe('tidy tables and CSV', () => {
  const t: TidyTable = { names: ['c', 'v'], columns: { c: ['a', 'b,c'], v: Float64Array.from([0.1 + 0.2, -0]) }, nrow: 2 };
  it('keeps full precision and quotes only when needed', () => {
    expect(toCsv(t)).toBe('c,v\na,0.30000000000000004\n"b,c",0\n');
    expect(toCsv(t, { quoteStrings: true })).toBe('"c","v"\n"a",0.30000000000000004\n"b,c",0\n');
    expect(formatNumber(NaN, 'NA')).toBe('NA');
    expect(toCsv(tidyRows(t))).toBe(toCsv(t));
  });
  it('stacks years', () => {
    const s = stackYears([{ year: 2010, table: t }, { year: 2011, table: t }]);
    expect(s.names).toEqual(['year', 'c', 'v']);
    expect(Array.from(s.columns.year as number[])).toEqual([2010, 2010, 2011, 2011]);
    expect(Array.from(s.columns.c as string[])).toEqual(['a', 'b,c', 'a', 'b,c']);
  });
});
