import { describe, expect, it } from 'vitest';
import { buildModel, iMinus } from '../../src/mrio/model.js';
import { buildTable } from '../../src/mrio/build.js';
import { demoWorld } from '../../src/mrio/demo.js';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { leontiefExports } from '../../src/decompose/leontief.js';
import { fromRows, linalg, matrix, colSums } from '../../src/linalg/index.js';
import { readText } from '../../src/node/files.js';
import { SingularMatrixError } from '../../src/errors.js';
import { HAS_SHARED, shared } from '../shared-data.js';
import { readGolden } from '../golden.js';

describe('IoModel', () => {
  it('Miller & Blair (2009) two-sector example: A and the Leontief inverse', () => {
    // Miller & Blair, Input-Output Analysis, 2nd ed., section 2.3: Z = [[150,500],[200,100]], x = [1000, 2000]
    const t = buildTable({
      countries: ['W'],
      sectors: ['s1', 's2'],
      fdCategories: ['FD'],
      Z: fromRows([[150, 500], [200, 100]]),
      Y: fromRows([[350], [1700]]),
      x: Float64Array.from([1000, 2000]),
    });
    const m = buildModel(t);
    expect(Array.from(m.A.data)).toEqual([0.15, 0.25, 0.2, 0.05]);
    // (I-A)^-1 = [[1.2541, 0.3300], [0.2640, 1.1221]] (printed to 4 decimals in the book)
    const want = [1.2541, 0.33, 0.264, 1.1221];
    m.B.data.forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
  });

  it('zero-output sectors give zero coefficients, never NaN, and v B sums to 1 elsewhere', () => {
    const t = demoWorld({ countries: 3, sectors: 4, seed: 7 });
    // zero out sector 2 of country 1 entirely
    const GN = 12;
    const r = 1 * 4 + 2;
    for (let c = 0; c < GN; c++) {
      t.Z.data[r * GN + c] = 0;
      t.Z.data[c * GN + r] = 0;
    }
    for (let k = 0; k < t.Y.cols; k++) t.Y.data[r * t.Y.cols + k] = 0;
    const t2 = buildTable({ ...t, x: undefined, va: undefined });
    expect(t2.x[r]).toBe(0);
    const m = buildModel(t2);
    for (const v of m.A.data) expect(Number.isFinite(v)).toBe(true);
    expect(m.v[r]).toBe(0);
    // identity: column sums of diag(v) B equal 1 for every sector with positive output
    const vB = colSums({ rows: GN, cols: GN, data: m.B.data.map((b, k) => b * m.v[Math.floor(k / GN)]) });
    for (let j = 0; j < GN; j++) if (j !== r) expect(vB[j]).toBeCloseTo(1, 12);
  });

  it('B (I - A) = I on the demo world', () => {
    const m = buildModel(demoWorld());
    const P = linalg().gemm(m.B, iMinus(m.A));
    for (let i = 0; i < m.GN; i++) for (let j = 0; j < m.GN; j++) expect(Math.abs(P.data[i * m.GN + j] - (i === j ? 1 : 0))).toBeLessThan(1e-12);
  });

  it('a closed economy with column sums of A equal to 1 is reported singular', () => {
    const Z = fromRows([[1, 2], [1, 0]]);
    const t = buildTable({ countries: ['W'], sectors: ['a', 'b'], fdCategories: ['FD'], Z, Y: matrix(2, 1), x: Float64Array.from([2, 2]) });
    expect(() => buildModel(t)).toThrow(SingularMatrixError);
    expect(() => buildModel(t)).toThrow(/I - A is singular/);
  });
});

describe.skipIf(!HAS_SHARED)('Leontief VA origin of exports vs decompr 7.0.0', () => {
  it('leather: FVAX matches golden to 1e-9 relative; column sums equal gross exports', () => {
    const t = parseLabeledCsv(readText(shared('leather', 'leather.csv')), { source: 'leather' });
    const m = buildModel(t);
    const F = leontiefExports(m);
    const g = readGolden(shared('golden', 'leather_leontief_exports.csv.gz'));
    const lab = (r: number) => `${t.countries[Math.floor(r / 3)]}|${t.sectors[r % 3]}`;
    const idx = new Map<string, number>();
    for (let r = 0; r < 9; r++) idx.set(lab(r), r);
    expect(g.rows.length).toBe(81);
    let worst = 0;
    for (const row of g.rows) {
      const s = idx.get(`${row[0]}|${row[1]}`)!;
      const u = idx.get(`${row[2]}|${row[3]}`)!;
      const want = Number(row[4]);
      const got = F.data[s * 9 + u];
      const rel = Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
      if (want !== 0) worst = Math.max(worst, rel);
      else expect(Math.abs(got)).toBeLessThan(1e-12);
    }
    expect(worst).toBeLessThan(1e-9);
    const cs = colSums(F);
    for (let u = 0; u < 9; u++) expect(cs[u]).toBeCloseTo(m.e[u], 9);
  });
});
