/**
 * Regression tests for the defects found in the CLI review (bad inputs, messages, exit codes, atomic output).
 * Most call the library or the command's exported functions; a few run the CLI in a child process.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTableArgs } from '../../src/cli/load.js';
import { intOption } from '../../src/cli/commands/demo.js';
import { GvcError, InputError, NumericalError, OptionError, SingularMatrixError } from '../../src/errors.js';
import { feols } from '../../src/econometrics/feols.js';
import { parseCsv } from '../../src/econometrics/io/csv.js';
import { readCsv } from '../../src/node/read-csv.js';
import { thresholdModel } from '../../src/econometrics/threshold/model.js';
import { buildModel } from '../../src/mrio/model.js';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { formatSummary, summarize } from '../../src/mrio/summary.js';
import { OutputError, writeAtomic } from '../../src/node/files.js';
import { readTable } from '../../src/node/read-table.js';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gvc-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((res) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), ...args], { cwd: ROOT }, (e, out, err) => {
      res({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

const TOY = `country,sector,A.s1,A.s2,B.s1,B.s2,A.FD,B.FD
A,s1,10,5,4,2,20,6
A,s2,3,12,1,6,15,8
B,s1,2,3,15,4,7,25
B,s2,5,1,2,9,4,30
`;

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('labeled CSV reader messages', () => {
  it('names a duplicated sector and its row', () => {
    const bad = TOY.replace('A,s2,', 'A,s1,').replace('B,s2,', 'B,s1,');
    const e = thrown(() => parseLabeledCsv(bad, { source: 'toy.csv' }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('toy.csv: row 3: sector "s1" of country "A" is duplicated (first on row 2).');
  });

  it('reports file line numbers even after a blank line', () => {
    const lines = TOY.split('\n');
    const bad = [lines[0], '', lines[1], lines[2].replace(',3,', ',abc,'), ...lines.slice(3)].join('\n');
    expect(() => parseLabeledCsv(bad, { source: 'toy.csv' })).toThrow('toy.csv: row 4, field "A.s1" is not a number ("abc").');
  });

  it('names the row where a country reappears', () => {
    const bad = TOY.replace('A,s2,', 'C,s2,').replace('B,s2,', 'A,s2,');
    expect(() => parseLabeledCsv(bad, { source: 'toy.csv' })).toThrow(/^toy\.csv: row \d: rows of country "\w" are not contiguous/);
  });
});

describe('econometrics input messages', () => {
  const csv = 'id,t,y,x\n1,1,1.5,2\n1,2,,3\n1,3,2.5,abc\n2,1,1,1\n';

  it('a text cell is reported at its line of the file, also after rows dropped for missing values', () => {
    const df = parseCsv(csv, { source: 'p.csv' });
    expect(() => feols('y ~ x', df)).toThrow("p.csv: row 4, variable 'x' is text ('abc'), a number was expected.");
  });

  it('a missing variable names the file', () => {
    const df = parseCsv(csv, { source: 'p.csv' });
    expect(() => feols('y ~ nope', df)).toThrow(/^p\.csv: variable 'nope' is not in the data/);
  });

  it('a truncated gzip CSV is an InputError naming the file', () => {
    const p = join(dir, 'trunc.csv.gz');
    writeFileSync(p, gzipSync(Buffer.from(csv.repeat(50))).subarray(0, 40));
    const e = thrown(() => readCsv(p));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/trunc\.csv\.gz: the gzip stream is corrupt or truncated/);
  });
});

describe('threshold model: collinearity and balance', () => {
  // balanced panel: 30 units x 6 periods, deterministic pseudo-random values
  let s = 7;
  const u = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const rows: string[] = ['id,year,y,z,z3,zi,x,q'];
  for (let i = 1; i <= 30; i++) {
    const zi = u();
    for (let t = 1; t <= 6; t++) {
      const z = u();
      const x = u();
      const q = u();
      const y = 0.5 * z + (q <= 0.5 ? 1 : 2) * x + 0.1 * u();
      rows.push([i, 2000 + t, y, z, 3 * z, zi, x, q].join(','));
    }
  }
  const text = rows.join('\n') + '\n';
  const vars = { regime: 'x', q: 'q', id: 'id', time: 'year' };
  const opts = { bootstrap: 0, trim: 0.05 };

  it('runs on the clean panel', () => {
    const r = thresholdModel(parseCsv(text), 'y ~ z', vars, opts);
    expect(r.thresholds.length).toBe(1);
  });

  it('a regressor that duplicates another is reported, not estimated with NaN SEs', () => {
    const e = thrown(() => thresholdModel(parseCsv(text), 'y ~ z + z3', vars, opts));
    expect(e).toBeInstanceOf(NumericalError);
    expect(e.message).toMatch(/regressor 'z3' is collinear/);
  });

  it('a time-invariant regressor (absorbed by the unit effects) is reported', () => {
    expect(() => thresholdModel(parseCsv(text), 'y ~ z + zi', vars, opts)).toThrow(/regressor 'zi' is collinear with the other regressors and the unit fixed effects/);
  });

  it('the regime-dependent regressor in the formula is reported', () => {
    expect(() => thresholdModel(parseCsv(text), 'y ~ z + x', vars, opts)).toThrow(/regime-dependent regressor 'x' is collinear/);
  });

  it('a gap left by a dropped missing value says so and names the file', () => {
    const holed = text.replace(/\n(1,2002,)[^,]*,/, '\n$1,');
    const e = thrown(() => thresholdModel(parseCsv(holed, { source: 'h.csv' }), 'y ~ z', vars, opts));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^h\.csv: the threshold model needs a balanced panel: id 1 has no row for year 2002 .*1 row\(s\) with a missing or non-finite value in a used variable were dropped first\.$/);
  });
});

describe('atomic output', () => {
  it('refuses a directory or a file used as a folder, leaving no temp file', () => {
    const d = join(dir, 'out.csv');
    mkdirSync(d);
    expect(() => writeAtomic(d, 'a\n')).toThrow(OutputError);
    const f = join(dir, 'plain');
    writeFileSync(f, 'x');
    const e = thrown(() => writeAtomic(join(f, 'x.csv'), 'a\n'));
    expect(e).toBeInstanceOf(GvcError);
    expect(e.message).toMatch(/^cannot write .*x\.csv \(.*plain is a file, not a folder\); nothing was written\.$/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('creates missing folders and writes the file', () => {
    const p = join(dir, 'new', 'deep', 'x.csv');
    writeAtomic(p, 'a\n');
    expect(existsSync(p)).toBe(true);
  });
});

describe('table arguments and options', () => {
  it('wiod2013 years outside the release are an error, not an empty run', () => {
    expect(() => expandTableArgs(['wiod2013:1850'])).toThrow(/wiod2013:1850: the embedded WIOD 2013 release has no table for these years \(it covers 1995-2011\)\./);
  });

  it('an unknown --format is a usage error listing the formats', async () => {
    const p = join(dir, 'toy.csv');
    writeFileSync(p, TOY);
    await expect(readTable(p, { format: 'foo' as never })).rejects.toThrow(OptionError);
    await expect(readTable(p, { format: 'foo' as never })).rejects.toThrow(/unknown table format "foo"; valid formats: gvcb, labeled-csv/);
  });

  it('integer options are checked', () => {
    expect(intOption('top', '5', 0)).toBe(5);
    expect(() => intOption('top', 'abc', 0)).toThrow('--top must be an integer >= 0, got "abc".');
    expect(() => intOption('sectors', '2.5', 1)).toThrow(OptionError);
    expect(() => intOption('seed', '', 0)).toThrow(OptionError);
  });
});

describe('messages of the Leontief core and the summary', () => {
  it('a singular I - A names the table and ends in one sentence', () => {
    // sector A.s2 uses only its own output and has no value added: I - A is singular
    const t = parseLabeledCsv(
      `country,sector,A.s1,A.s2,B.s1,B.s2,A.FD,B.FD,GO\nA,s1,10,0,4,2,20,6,42\nA,s2,0,10,0,0,0,0,10\nB,s1,2,0,15,4,7,25,53\nB,s2,5,0,2,9,4,30,50\n`,
      { source: 'sing.csv' },
    );
    const e = thrown(() => buildModel(t));
    expect(e).toBeInstanceOf(SingularMatrixError);
    expect(e.message).toMatch(/^sing\.csv: I - A is singular \(.*[^.]\); look for sectors with zero value added/);
    expect(e.message).not.toMatch(/\.\)/);
  });

  it('top sectors stay aligned with long labels', () => {
    const t = parseLabeledCsv(TOY.replace(/s2/g, 'a_rather_long_sector_name_here'), { source: 'toy.csv' });
    const lines = formatSummary(summarize(t)).split('\n');
    const top = lines.slice(lines.findIndex((l) => l.includes('top sectors')) + 1);
    const ends = new Set(top.map((l) => l.length));
    expect(ends.size).toBe(1);
  });
});

describe('gvc CLI (child process)', () => {
  it('demo --seed x is a one-line usage error with exit 2', async () => {
    const r = await cli(['demo', '--seed', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('gvc: --seed must be an integer >= 0, got "x".\n');
  });

  it('decompose wiod2013:1850 is a one-line data error with exit 1', async () => {
    const r = await cli(['decompose', 'wiod2013:1850', '--method', 'kww']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('gvc: wiod2013:1850: the embedded WIOD 2013 release has no table for these years (it covers 1995-2011).\n');
  });

  it('indicators on a table without a year labels rows with the file name, not 1', async () => {
    const p = join(dir, 'toy.csv');
    writeFileSync(p, TOY);
    const r = await cli(['indicators', p, '--what', 'participation']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1].startsWith('toy.csv,A,')).toBe(true);
  });

  it('convert --year abc is a usage error', async () => {
    const r = await cli(['convert', join(dir, 'toy.csv'), '--out', join(dir, 'c.csv'), '--year', 'abc']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('gvc: --year must be a four-digit year, got "abc".\n');
  });
});
