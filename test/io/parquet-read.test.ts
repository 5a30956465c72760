import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parseParquet, readParquet } from '../../src/node/parquet-read.js';
import { writeParquet } from '../../src/node/parquet.js';
import { panelParquet } from '../../src/study/panel-parquet.js';
import { frame } from '../../src/econometrics/frame.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-pq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parquet reader', () => {
  it('round-trips a table written by src/node/parquet.ts (DOUBLE, INT32, STRING)', async () => {
    const path = join(dir, 'a.parquet');
    await writeParquet(path, {
      names: ['country', 'year', 'x'],
      columns: { country: ['ARG', 'BRA', 'CHN'], year: [2000, 2001, 2002], x: Float64Array.from([1.5, NaN, -2.25]) },
      nrow: 3,
    });
    const df = await readParquet(path);
    expect(Object.keys(df.columns)).toEqual(['country', 'year', 'x']);
    expect(df.nrow).toBe(3);
    expect(df.columns.country).toEqual(['ARG', 'BRA', 'CHN']);
    expect(df.columns.year).toBeInstanceOf(Float64Array);
    expect(Array.from(df.columns.year as Float64Array)).toEqual([2000, 2001, 2002]);
    const x = df.columns.x as Float64Array;
    expect(x[0]).toBe(1.5);
    expect(Number.isNaN(x[1])).toBe(true); // NaN written as a DOUBLE value stays NaN
    expect(x[2]).toBe(-2.25);
  });

  it('maps nulls to NaN (numbers) and empty strings (text), as the study panel writes them', async () => {
    const df0 = frame({ id: ['a', '', 'c', 'd'], y: [1, null, 3, 4.5] });
    const pq = await panelParquet(df0, ['id', 'y']);
    expect(pq.bytes).toBeDefined();
    const df = await parseParquet(pq.bytes!);
    expect(df.columns.id).toEqual(['a', '', 'c', 'd']);
    const y = df.columns.y as Float64Array;
    expect(y).toBeInstanceOf(Float64Array);
    expect([y[0], y[2], y[3]]).toEqual([1, 3, 4.5]);
    expect(Number.isNaN(y[1])).toBe(true);
  });

  it('reads INT64 (bigint), BOOLEAN, all-null columns and several row groups', async () => {
    const n = 25;
    const big = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : BigInt(i) * 1_000_000_007n));
    const flag = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 2 === 0));
    const label = Array.from({ length: n }, (_, i) => (i % 4 === 1 ? null : `r${i}`));
    const empty = Array.from({ length: n }, () => null);
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'big', data: big, type: 'INT64' },
        { name: 'flag', data: flag, type: 'BOOLEAN' },
        { name: 'label', data: label, type: 'STRING' },
        { name: 'nothing_num', data: empty, type: 'DOUBLE' },
        { name: 'nothing_txt', data: empty, type: 'STRING' },
      ],
      rowGroupSize: 10,
    });
    const path = join(dir, 'b.parquet');
    writeFileSync(path, new Uint8Array(buf));
    const df = await readParquet(path);
    expect(df.nrow).toBe(n);
    const b = df.columns.big as Float64Array;
    const f = df.columns.flag as Float64Array;
    expect(b).toBeInstanceOf(Float64Array);
    for (let i = 0; i < n; i++) {
      if (i % 7 === 3) expect(Number.isNaN(b[i])).toBe(true);
      else expect(b[i]).toBe(i * 1_000_000_007);
      if (i % 5 === 0) expect(Number.isNaN(f[i])).toBe(true);
      else expect(f[i]).toBe(i % 2 === 0 ? 1 : 0);
    }
    expect(df.columns.label).toEqual(label.map((s) => s ?? ''));
    expect(df.columns.nothing_num).toBeInstanceOf(Float64Array);
    expect(Array.from(df.columns.nothing_num as Float64Array).every(Number.isNaN)).toBe(true);
    expect(df.columns.nothing_txt).toEqual(new Array(n).fill(''));
  });

  it('reads a zero-row file and refuses a file that is not Parquet', async () => {
    const buf = parquetWriteBuffer({ columnData: [{ name: 'x', data: new Float64Array(0), type: 'DOUBLE' }, { name: 's', data: [], type: 'STRING' }] });
    const df = await parseParquet(new Uint8Array(buf));
    expect(df.nrow).toBe(0);
    expect(df.columns.x).toBeInstanceOf(Float64Array);
    expect(df.columns.s).toEqual([]);
    const bad = join(dir, 'bad.parquet');
    writeFileSync(bad, 'country,year\nARG,2000\n');
    await expect(readParquet(bad)).rejects.toThrow(/not a readable Parquet file/);
  });
});
