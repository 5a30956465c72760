import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { panelFormat, readPanel } from '../../src/node/read-panel.js';
import { writeParquet } from '../../src/node/parquet.js';
import { writeDta } from '../../src/report/dta-writer.js';
import { register as registerRegress } from '../../src/cli/commands/regress.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-panel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small panel with an exact linear relation y = 1 + 2 x + firm effect.
const firm = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'];
const x = [1, 2, 3, 2, 5, 1, 4, 4.5, 0];
const noise = [0.1, -0.2, 0.1, 0.05, -0.1, 0.05, 0, 0.2, -0.2];
const y = x.map((v, i) => 1 + 2 * v + (firm[i] === 'b' ? 3 : firm[i] === 'c' ? -1 : 0) + noise[i]);
const csv = 'firm,x,y\n' + firm.map((f, i) => `${f},${x[i]},${y[i]}`).join('\n') + '\n';

async function regressJson(path: string): Promise<Record<string, unknown>> {
  const program = new Command();
  program.exitOverride();
  registerRegress(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'gvc', 'regress', path, 'y ~ x | firm', '--json']);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out) as Record<string, unknown>;
}

describe('readPanel', () => {
  const csvPath = join(dir, 'p.csv');
  const gzPath = join(dir, 'p.csv.gz');
  const pqPath = join(dir, 'p.parquet');
  const dtaPath = join(dir, 'p.dta');
  writeFileSync(csvPath, csv);
  writeFileSync(gzPath, gzipSync(csv));
  writeFileSync(dtaPath, writeDta({ columns: { firm, x, y }, nrow: firm.length }).bytes);

  it('detects formats by magic bytes, then by extension', async () => {
    await writeParquet(pqPath, { names: ['firm', 'x', 'y'], columns: { firm, x: Float64Array.from(x), y: Float64Array.from(y) }, nrow: firm.length });
    expect(panelFormat(csvPath)).toBe('csv');
    expect(panelFormat(gzPath)).toBe('csv');
    expect(panelFormat(pqPath)).toBe('parquet');
    expect(panelFormat(dtaPath)).toBe('dta');
    const hidden = join(dir, 'parquet-without-extension.bin');
    copyFileSync(pqPath, hidden);
    expect(panelFormat(hidden)).toBe('parquet');
    const dtaHidden = join(dir, 'stata.data');
    copyFileSync(dtaPath, dtaHidden);
    expect(panelFormat(dtaHidden)).toBe('dta');
  });

  it('reads the same frame from CSV, CSV.gz, Parquet and .dta', async () => {
    const frames = await Promise.all([csvPath, gzPath, pqPath, dtaPath].map((p) => readPanel(p)));
    for (const df of frames) {
      expect(df.nrow).toBe(9);
      expect(df.columns.firm).toEqual(firm);
      expect(Array.from(df.columns.x as Float64Array)).toEqual(x);
      expect(Array.from(df.columns.y as Float64Array)).toEqual(y);
    }
  });

  it('gvc regress gives the same estimates on .csv, .parquet and .dta', async () => {
    const a = await regressJson(csvPath);
    const b = await regressJson(pqPath);
    const c = await regressJson(dtaPath);
    expect((a.coef as Record<string, number>).x).toBeCloseTo(2, 0);
    expect(b.coef).toEqual(a.coef);
    expect(b.se).toEqual(a.se);
    expect(c.coef).toEqual(a.coef);
    expect(c.nobs).toBe(9);
  });

  it('errors clearly on a missing file and an old or broken .dta', async () => {
    await expect(readPanel(join(dir, 'nope.parquet'))).rejects.toThrow(/cannot read/);
    const old = join(dir, 'old.dta');
    writeFileSync(old, Buffer.from([0x72, 0x02, 0x01, 0x00]));
    await expect(readPanel(old)).rejects.toThrow(/old Stata format/);
  });
});

describe('writeTableFile', () => {
  it('writes the same table as CSV, Parquet and .dta, and each reads back to the same frame', async () => {
    const { writeTableFile } = await import('../../src/node/write-table.js');
    const { readPanel } = await import('../../src/node/read-panel.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'gvc-wt-'));
    const table = { names: ['country', 'x'], columns: { country: ['CHN', 'USA', 'DEU'], x: Float64Array.from([1.5, NaN, -2.25]) }, nrow: 3 };
    const frames = [];
    for (const ext of ['csv', 'parquet', 'dta']) {
      const p = join(dir, `t.${ext}`);
      await writeTableFile(p, table, { note: () => undefined });
      frames.push(await readPanel(p));
    }
    for (const f of frames) {
      expect(Array.from(f.columns.country as string[])).toEqual(['CHN', 'USA', 'DEU']);
      const x = Array.from(f.columns.x as Float64Array);
      expect(x[0]).toBe(1.5);
      expect(Number.isNaN(x[1])).toBe(true);
      expect(x[2]).toBe(-2.25);
    }
  });
});
