/**
 * Every raw-format sample of ../shared/data/mock_mrios parses, its totals equal plain sums of the raw
 * files computed here by a different, naive parse, balance residuals are reported (diagnose), and the
 * Leontief model and KWW decomposition run on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/mrio/diagnose.js';
import { readTable } from '../../../src/node/read-table.js';
import { close, HAVE_MOCKS, MOCKS, runKww, sumAllNumbers, total } from './helpers.js';

const totals: Record<string, unknown> = {};

describe.skipIf(!HAVE_MOCKS)('raw MRIO samples', () => {
  it('Eora26: totals equal the raw T, FD, VA and Q sums', async () => {
    const dir = join(MOCKS, 'eora26_mock');
    const t = await readTable(dir);
    expect(t.countries).toEqual(['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6']);
    expect(t.sectors).toHaveLength(8);
    expect(t.fdCategories).toHaveLength(7);
    expect(t.year).toBe(2010);
    const raw = (k: string) => sumAllNumbers(readFileSync(join(dir, `Eora26_2010_bp_${k}.txt`), 'utf8'));
    expect(close(total(t.Z.data), raw('T'))).toBe(true);
    expect(close(total(t.Y.data), raw('FD'))).toBe(true);
    expect(close(total(t.va), raw('VA'))).toBe(true);
    expect(close(total(t.satellite!.values.data), raw('Q'))).toBe(true);
    expect(t.satellite!.units).toEqual(['kg', 'kg']);
    expect(t.vaDetail!.labels).toEqual(['Value Added']);
    const d = diagnose(t);
    expect(d.rowBalance.maxAbs).toBeLessThan(1e-6 * total(t.x)); // x derived from rows
    totals.eora = { Z: total(t.Z.data), Y: total(t.Y.data), va: total(t.va), x: total(t.x), colResidualMaxRel: d.colBalance.maxRel };
    const k = runKww(t);
    expect(close(k.termsTotal, k.exports, 1e-8)).toBe(true);
  });

  it('OECD ICIO 2018 (CSV and zip): totals equal a naive parse; MX1 merged into MEX', async () => {
    const path = join(MOCKS, 'oecd_mock', 'ICIO2018_2010.CSV');
    const t = await readTable(path);
    const tz = await readTable(join(MOCKS, 'oecd_mock', 'ICIO2018_2010.zip'));
    expect(tz.Z.data).toEqual(t.Z.data);
    expect(tz.Y.data).toEqual(t.Y.data);
    expect(t.year).toBe(2010);
    expect(t.countries).toEqual(['AUS', 'BEL', 'MEX', 'BRA', 'COL']);
    expect(t.fdCategories).toEqual(['HFCE', 'NPISH', 'GGFC', 'INVNT', 'P33']);
    // naive: split lines and commas; a cell is Z when row and column are CTY_NN sector labels
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
    const headCells = lines[0];
    const isCS = (s: string) => /^[A-Z0-9]{3}_\d/.test(s);
    let z = 0;
    let y = 0;
    let x = 0;
    let va = 0;
    for (const row of lines.slice(1)) {
      for (let j = 1; j < row.length; j++) {
        const v = row[j] === '' ? 0 : Number(row[j]);
        const h = headCells[j];
        if (isCS(row[0]) && isCS(h)) z += v;
        else if (isCS(row[0]) && /_(HFCE|NPISH|GGFC|INVNT|P33)$/.test(h)) y += v;
        else if (isCS(row[0]) && h === 'TOTAL') x += v;
        else if (!isCS(row[0]) && row[0] !== 'OUTPUT' && isCS(h)) va += v;
      }
    }
    expect(close(total(t.Z.data), z)).toBe(true);
    expect(close(total(t.Y.data), y)).toBe(true);
    expect(close(total(t.x), x)).toBe(true);
    expect(close(total(t.va), va)).toBe(true);
    expect(t.vaDetail!.labels).toEqual(['AUS_TAXSUB', 'BEL_TAXSUB', 'MEX_TAXSUB', 'BRA_TAXSUB', 'COL_TAXSUB', 'VALU']);
    const d = diagnose(t);
    totals.oecd2018 = { Z: z, Y: y, va, x, rowResidualMaxRel: d.rowBalance.maxRel, colResidualMaxRel: d.colBalance.maxRel };
    const k = runKww(t);
    expect(close(k.termsTotal, k.exports, 1e-8)).toBe(true);
  });

  it('OECD ICIO 2016: reversed final-demand labels, CN1/CN2 into CHN, DISC reported not placed', async () => {
    const path = join(MOCKS, 'oecd_mock', 'ICIO2016_2003.csv');
    const t = await readTable(path);
    expect(t.year).toBe(2003);
    expect(t.countries).toEqual(['AUS', 'NZL', 'CHN', 'PER']);
    expect(t.fdCategories).toEqual(['HFCE', 'NPS', 'GGFC', 'GFCF', 'INV', 'DIRP']);
    expect(t.source).toMatch(/DISC/);
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map((s) => s.replace(/"/g, '')));
    const h = lines[0];
    const isCS = (s: string) => /^[A-Z0-9]{3}_C\d/.test(s);
    let z = 0;
    let y = 0;
    let disc = 0;
    let out = 0;
    for (const row of lines.slice(1)) {
      if (!isCS(row[0])) continue;
      for (let j = 1; j < row.length; j++) {
        const v = Number(row[j] || 0);
        if (isCS(h[j])) z += v;
        else if (h[j] === 'DISC') disc += v;
        else if (h[j] === 'OUT') out += v;
        else if (h[j] !== 'OUT') y += v;
      }
    }
    expect(close(total(t.Z.data), z)).toBe(true);
    expect(close(total(t.Y.data), y)).toBe(true);
    const d = diagnose(t);
    // output comes from OUT, so the left-out DISC column (and any imbalance) stays in the row residuals
    expect(out).toBe(0); // the 2016 layout has no OUT column: x is the full row total
    const rowRes = total(t.x) - total(t.Z.data) - total(t.Y.data);
    expect(close(rowRes, disc, 1e-9)).toBe(true);
    totals.oecd2016 = { Z: z, Y: y, va: total(t.va), x: total(t.x), DISC: disc, rowResidualTotal: rowRes, rowResidualMaxAbs: d.rowBalance.maxAbs };
    const k = runKww(t);
    expect(close(k.termsTotal, k.exports, 1e-8)).toBe(true);
  });

  it('WIOD 2013 Excel release: totals equal the sheet read cell by cell', async () => {
    const path = join(MOCKS, 'wiod_mock', 'wiot09_row_sep12.xlsx');
    const t = await readTable(path);
    expect(t.year).toBe(2009);
    expect(t.countries).toEqual(['AUS', 'BEL', 'LUX', 'ROM', 'USA', 'RoW']);
    expect(t.sectors).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c35']);
    expect(t.fdCategories).toEqual(['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0];
    const cell = (r: number, c: number) => {
      const v = ws.getRow(r).getCell(c).value;
      return typeof v === 'number' ? v : 0;
    };
    let z = 0;
    let y = 0;
    let x = 0;
    let va = 0;
    for (let r = 7; r <= 54; r++) {
      for (let c = 5; c <= 52; c++) z += cell(r, c);
      for (let c = 53; c <= 82; c++) y += cell(r, c);
      x += cell(r, 83);
    }
    for (let r = 56; r <= 61; r++) for (let c = 5; c <= 52; c++) va += cell(r, c);
    expect(close(total(t.Z.data), z)).toBe(true);
    expect(close(total(t.Y.data), y)).toBe(true);
    expect(close(total(t.x), x)).toBe(true);
    expect(close(total(t.va), va)).toBe(true);
    expect(t.vaDetail!.labels).toHaveLength(6);
    const d = diagnose(t);
    totals.wiod2013 = { Z: z, Y: y, va, x, colResidualMaxRel: d.colBalance.maxRel };
    const k = runKww(t);
    expect(close(k.termsTotal, k.exports, 1e-8)).toBe(true);
  });

  it('EXIOBASE 3: x solves x = A x + y, Y and satellites equal the raw sums', async () => {
    const dir = join(MOCKS, 'exio3_mock');
    const t = await readTable(dir);
    expect(t.year).toBe(2009);
    expect(t.countries).toEqual(['AUS', 'BRA', 'FIN', 'FRA', 'KOR', 'WWF']);
    expect(t.unit).toBe('Mill USD');
    const yText = readFileSync(join(dir, 'Y.txt'), 'utf8').split('\n').slice(3).map((l) => l.split('\t').slice(2).join('\t')).join('\n');
    expect(close(total(t.Y.data), sumAllNumbers(yText))).toBe(true);
    const fText = readFileSync(join(dir, 'satellite', 'F.txt'), 'utf8').split('\n').slice(2).map((l) => l.split('\t').slice(1).join('\t')).join('\n');
    expect(close(total(t.satellite!.values.data), sumAllNumbers(fText))).toBe(true);
    expect(t.satellite!.units).toEqual(['kg', 'kg']);
    // independent check of x: rebuild A from the raw text and verify x - A x - y = 0
    const aRows = readFileSync(join(dir, 'A.txt'), 'utf8').trim().split('\n').slice(3).map((l) => l.split('\t').slice(2).map(Number));
    const yRows = yText.trim().split('\n').map((l) => l.split('\t').reduce((s, v) => s + Number(v || 0), 0));
    let worst = 0;
    for (let i = 0; i < aRows.length; i++) {
      let ax = 0;
      for (let j = 0; j < aRows.length; j++) ax += aRows[i][j] * t.x[j];
      worst = Math.max(worst, Math.abs(t.x[i] - ax - yRows[i]) / Math.max(1, t.x[i]));
    }
    expect(worst).toBeLessThan(1e-9);
    totals.exiobase3 = { Z: total(t.Z.data), Y: total(t.Y.data), va: total(t.va), x: total(t.x) };
    const k = runKww(t);
    expect(close(k.termsTotal, k.exports, 1e-8)).toBe(true);
  });

  it('GLORIA: product-by-product table from the supply-use results, labels from the ReadMe', async () => {
    const dir = join(MOCKS, 'gloria_mock');
    const t = await readTable(dir);
    expect(t.year).toBe(2022);
    expect(t.countries).toEqual(['AUS', 'AUT', 'AZE']);
    expect(t.sectors).toEqual(['Forestry and logging', 'Fishing', 'Crustaceans and molluscs']);
    expect(t.satellite!.labels[0]).toBe('c2f6_1A5_EDGAR_consistent');
    expect(t.satellite!.units?.[0]).toBe('kilotonnes');
    const raw = (name: string) =>
      readFileSync(join(dir, 'GLORIA_MRIOs_59_2022', `0_120secMother_AllCountries_002_${name}-Results_2022_059_Markup001(full).csv`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(',').map(Number));
    const T = raw('T');
    const Yr = raw('Y');
    const N = 3;
    const isProd = (k: number) => k % (2 * N) >= N;
    // sum(Z) = use of products by industries that have output; sum(Y) = product rows of Y
    let use = 0;
    for (let i = 0; i < T.length; i++) {
      if (isProd(i)) continue;
      const g = T[i].reduce((s, v, j) => s + (isProd(j) ? v : 0), 0);
      if (g === 0) continue;
      for (let p = 0; p < T.length; p++) if (isProd(p)) use += T[p][i];
    }
    let y = 0;
    for (let p = 0; p < Yr.length; p++) if (isProd(p)) y += Yr[p].reduce((s, v) => s + v, 0);
    expect(close(total(t.Z.data), use, 1e-12)).toBe(true);
    expect(close(total(t.Y.data), y)).toBe(true);
    const d = diagnose(t);
    totals.gloria = { Z: total(t.Z.data), Y: total(t.Y.data), va: total(t.va), x: total(t.x), zeroOutput: d.zeroOutput.length, colResidualMaxRel: d.colBalance.maxRel };
    const k = runKww(t);
    expect(close(k.termsTotal, k.exports, 1e-8)).toBe(true);
  });

  it('prints the totals of every mock', () => {
    console.log(JSON.stringify(totals, null, 1));
  });
});
