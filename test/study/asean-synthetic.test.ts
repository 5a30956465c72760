import { describe, expect, it } from 'vitest';
import { mulberry32, syntheticAsean, SAMPLE, STUDY_YEARS } from '../../src/study/asean-similarity/synthetic.js';

describe('synthetic ASEAN data (spec 5.4)', () => {
  it('mulberry32 seed 42 gives the spec values', () => {
    const u = mulberry32(42);
    expect([u(), u(), u()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  const d = syntheticAsean({ seed: 42, noise: 0.01 });

  it('seed 42, noise 0.01: the spec printed ESI*, Import* of CHN 2002 and one redraw', () => {
    const r = d.rows.find((x) => x.iso3 === 'CHN' && x.year === 2002)!;
    expect(r.esi).toBeCloseTo(0.3525733, 7);
    expect(r.import).toBeCloseTo(0.4329836, 7);
    expect(d.redraws).toBe(1);
    expect(d.rows.length).toBe(SAMPLE.length * STUDY_YEARS.length);
  });

  it('writes 63,600 flow rows a year, 6-digit codes and the missing-value pattern of Table 2', () => {
    let total = 0;
    for (const y of STUDY_YEARS) {
      const lines = d.files.get(`BACI_HS02_Y${y}_V000000.csv`)!.trim().split('\n');
      expect(lines[0]).toBe('t,i,j,k,v,q');
      total += lines.length - 1;
    }
    expect(total).toBe(699_600);
    const first = d.files.get('BACI_HS02_Y2002_V000000.csv')!.split('\n')[1].split(',');
    expect(first[3]).toMatch(/^0\d{5}$/);
    const cov = d.files.get('covariates.csv')!.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(cov.length).toBe(99);
    expect(cov.filter((c) => c[5] !== '').length).toBe(68); // PA N = 68
    expect(cov.filter((c) => c[3] !== '').length).toBe(77); // Capital N = 77
  });

  it('the same seed gives identical files; another seed differs', () => {
    const again = syntheticAsean({ seed: 42, noise: 0.01 });
    expect(again.files.get('covariates.csv')).toBe(d.files.get('covariates.csv'));
    expect(syntheticAsean({ seed: 7 }).files.get('covariates.csv')).not.toBe(d.files.get('covariates.csv'));
  });
});
