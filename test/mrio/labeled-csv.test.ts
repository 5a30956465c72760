import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { readText } from '../../src/node/files.js';
import { InputError } from '../../src/errors.js';
import { HAS_SHARED, shared } from '../shared-data.js';

const SMALL = [
  'country,sector,A.s1,A.s2,B.s1,B.s2,A.HH,A.GOV,B.HH,B.GOV,GO',
  'A,s1,1,2,3,4,5,0.5,6,0,22',
  'A,s2,1,1,1,1,2,0,2,0,8',
  'B,s1,0,1,2,3,1,0,9,1,17',
  'B,s2,2,0,0,1,0,0,4,2,9',
].join('\n');

describe('labeled wide CSV reader', () => {
  it('splits Z, final demand by category and output by header labels', () => {
    const t = parseLabeledCsv(SMALL, { source: 'small.csv' });
    expect(t.countries).toEqual(['A', 'B']);
    expect(t.sectors).toEqual(['s1', 's2']);
    expect(t.fdCategories).toEqual(['HH', 'GOV']);
    expect(Array.from(t.Z.data.subarray(0, 4))).toEqual([1, 2, 3, 4]);
    // Y is country-major then category: A.HH, A.GOV, B.HH, B.GOV
    expect(Array.from(t.Y.data.subarray(0, 4))).toEqual([5, 0.5, 6, 0]);
    expect(Array.from(t.x)).toEqual([22, 8, 17, 9]);
    // va = x - column sums of Z (column A.s1: 1+1+0+2 = 4)
    expect(t.va[0]).toBe(22 - 4);
    expect(t.va[3]).toBe(9 - (4 + 1 + 3 + 1));
  });

  it('derives output from row sums when GO is absent', () => {
    const noGo = SMALL.split('\n').map((l) => l.split(',').slice(0, -1).join(',')).join('\n');
    const t = parseLabeledCsv(noGo);
    expect(t.x[0]).toBeCloseTo(1 + 2 + 3 + 4 + 5 + 0.5 + 6 + 0, 12);
  });

  it('names the row and field of a non-numeric cell', () => {
    const bad = SMALL.replace('B,s1,0,1,2,3', 'B,s1,0,x1,2,3');
    expect(() => parseLabeledCsv(bad, { source: 'bad.csv' })).toThrow(/bad\.csv: row 4, field "A\.s2" is not a number \("x1"\)/);
  });

  it('reports a truncated line with its row number', () => {
    const bad = SMALL.split('\n').slice(0, 4).join('\n') + '\nB,s2,2,0';
    expect(() => parseLabeledCsv(bad, { source: 't.csv' })).toThrow(/t\.csv: row 5 has 4 fields but the header has 11/);
  });

  it('rejects duplicated columns, unknown countries and inconsistent sectors', () => {
    const dup = SMALL.replace('B.s2,A.HH', 'B.s1,A.HH');
    expect(() => parseLabeledCsv(dup)).toThrow(InputError);
    const unk = SMALL.replace('B.GOV', 'C.GOV');
    expect(() => parseLabeledCsv(unk)).toThrow(/names country "C", which has no rows/);
    const order = SMALL.replace('B,s2,2', 'B,s3,2');
    expect(() => parseLabeledCsv(order)).toThrow(/row 5 has sector "s3" where "s2" was expected/);
  });

  it('reads gzip by magic bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gvc-'));
    const p = join(dir, 'small.csv.gz');
    writeFileSync(p, gzipSync(Buffer.from(SMALL)));
    expect(parseLabeledCsv(readText(p)).x[2]).toBe(17);
    writeFileSync(p, gzipSync(Buffer.from(SMALL)).subarray(0, 40));
    expect(() => readText(p)).toThrow(/gzip stream is corrupt or truncated/);
  });
});

describe.skipIf(!HAS_SHARED)('shared data files', () => {
  it('leather: totals equal plain sums of the raw file', () => {
    const text = readText(shared('leather', 'leather.csv'));
    const t = parseLabeledCsv(text, { source: 'leather.csv' });
    expect([t.countries.length, t.sectors.length]).toEqual([3, 3]);
    // independent: sum every numeric field of the data columns except GO, by a plain split
    const lines = text.trim().split('\n');
    const header = lines[0].split(',');
    const goIdx = header.indexOf('GO');
    let all = 0;
    let go = 0;
    for (const l of lines.slice(1)) {
      const f = l.split(',');
      for (let j = 2; j < f.length; j++) (j === goIdx ? (go += Number(f[j])) : (all += Number(f[j])));
    }
    const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
    expect(sum(t.Z.data) + sum(t.Y.data)).toBeCloseTo(all, 9);
    expect(sum(t.x)).toBeCloseTo(go, 9);
  });

  it('WIOD 2013: all 17 years load with 41 x 35, 5 final-demand categories and finite values', () => {
    for (let y = 1995; y <= 2011; y++) {
      const t = parseLabeledCsv(readText(shared('wiod2013', `wiot_${y}.csv.gz`)), { source: `wiot_${y}`, year: y });
      expect(t.countries.length).toBe(41);
      expect(t.sectors.length).toBe(35);
      expect(t.fdCategories).toEqual(['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN']);
      expect(t.countries).toContain('ROM');
      for (const v of t.va) expect(Number.isFinite(v)).toBe(true);
    }
  });
});
