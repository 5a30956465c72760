/**
 * Inputs of the ASEAN study: the streaming BACI pass (spec 5.2: HS padding, q blanks, gzip, multi-year
 * files, validation errors naming file/row/field, mixed revisions, both country-table header styles) and
 * the covariates file (spec 5.3: derivations, errors naming the row).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCountryTable } from '../../src/io/countries.js';
import { readText } from '../../src/node/files.js';
import { streamBaci, type StreamPlan } from '../../src/study/asean-similarity/baci-stream.js';
import { countryTable, findRelease } from '../../src/study/asean-similarity/release.js';
import { parseCovariates } from '../../src/study/asean-similarity/covariates.js';
import { defaultConfig } from '../../src/study/asean-similarity/config.js';
import { studyMeasures } from '../../src/study/asean-similarity/measures.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-asean-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// PHL 608, CHN 156, USA 842, DEU 276, JPN 392
const GOOD = [
  't,i,j,k,v,q',
  '2020,608,842,71120,10,NA',
  '2020,608,392,010010,30, ',
  '2020,156,608,010010,5,',
  '2020,392,608,10010,15,1.5',
  '2020,842,392,71120,8,',
  '2020,842,392,010010,2,',
  '2020,276,392,010010,4,',
].join('\n');

const plan = (over: Partial<StreamPlan> = {}): StreamPlan => ({
  table: builtinCountryTable(), exporters: ['PHL', 'CHN'], references: ['USA', 'DEU'], market: 'world',
  importers: ['PHL', 'CHN'], bloc: ['PHL', 'CHN'], years: [2020, 2021], ...over,
});

describe('streaming BACI pass (spec 5.2)', () => {
  it('pads HS codes to 6 digits, accepts blank/NA/space q, computes baskets and import sums', async () => {
    const s = await streamBaci([put('BACI_HS02_Y2020_V000000.csv', GOOD)], plan());
    const b = s.baskets.basket(2020, 'PHL');
    expect([...b.keys()].sort()).toEqual(['010010', '071120']);
    expect(b.get('071120')).toBe(10);
    const imp = s.imports.get('PHL|2020')!;
    expect(imp).toEqual({ total: 20, bloc: 5 });
    expect(s.files[0].rows).toBe(7);
  });

  it('reads gzip and multi-year files (year taken from t)', async () => {
    const multi = GOOD + '\n' + GOOD.split('\n').slice(1).map((l) => l.replace(/^2020/, '2021')).join('\n') + '\n';
    const s = await streamBaci([put('baci_hs02_all_years.csv.gz', gzipSync(multi))], plan());
    expect(s.years).toEqual([2020, 2021]);
    expect(s.baskets.basket(2021, 'PHL').get('010010')).toBe(30);
  });

  it('Import = 1 when the bloc holds every exporter (spec 7)', async () => {
    const s = await streamBaci([put('BACI_HS02_Y2020_V000001.csv', GOOD)], plan({ bloc: ['PHL', 'CHN', 'USA', 'DEU', 'JPN'] }));
    const cfg = { ...defaultConfig(), exporters: ['PHL', 'CHN'], bloc: ['PHL', 'CHN', 'USA', 'DEU', 'JPN'], years: [2020] };
    const m = studyMeasures(s, cfg);
    expect(m.importShare.get('PHL|2020')!.value).toBe(1);
    expect(m.esi.get('CHN|2020')!.value).not.toBeNull();
  });

  const bad: Array<[string, string, RegExp]> = [
    ['duplicate (t,i,j,k)', GOOD + '\n2020,608,842,071120,1,', /row 9 repeats \(t,i,j,k\) = \(2020,608,842,071120\)/],
    ['i = j', GOOD + '\n2020,608,608,071120,1,', /row 9: exporter and importer are both 608/],
    ['v <= 0', GOOD + '\n2020,608,276,071120,0,', /row 9, field "v" is 0/],
    ['t != file year', GOOD + '\n2019,608,276,071120,1,', /row 9, field "t" is 2019 but the file is for year 2020/],
    ['non-numeric cell', GOOD + '\n2020,608,276,071120,abc,', /row 9, field "v" is not a number/],
  ];
  for (const [what, text, re] of bad) {
    it(`rejects ${what} with a one-line error naming file, row and field`, async () => {
      const p = put(`BACI_HS02_Y2020_V9${what.length}.csv`, text);
      await expect(streamBaci([p], plan())).rejects.toThrow(re);
      await expect(streamBaci([p], plan())).rejects.toThrow(p);
    });
  }
});

describe('release files (spec 5.2)', () => {
  it('mixed HS revisions are an error', () => {
    const sub = mkdtempSync(join(dir, 'mixed-'));
    writeFileSync(join(sub, 'BACI_HS02_Y2020_V1.csv'), GOOD);
    writeFileSync(join(sub, 'BACI_HS17_Y2021_V1.csv'), GOOD);
    expect(() => findRelease([sub])).toThrow(/mix HS revisions: HS02 .*HS17/);
  });

  it('accepts both country-table header styles and classifies companion files', () => {
    for (const [i, header] of ['country_code,country_name,country_iso2,country_iso3', 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha'].entries()) {
      const sub = mkdtempSync(join(dir, `ct${i}-`));
      writeFileSync(join(sub, 'BACI_HS02_Y2020_V1.csv'), GOOD);
      const row = i === 0 ? '699,India,IN,IND' : '699,India,Republic of India,IN,IND';
      writeFileSync(join(sub, 'country_codes_V1.csv'), `${header}\n${row}\n842,USA,US,USA\n`.replace(/US,USA\n$/, i === 0 ? 'US,USA\n' : 'United States,US,USA\n'));
      writeFileSync(join(sub, 'product_codes_HS02_V1.csv'), 'code,description\n010010,"a, product"\n');
      writeFileSync(join(sub, 'covariates.csv'), 'iso3,year,fdi_inflow_musd,gfcf_pct_gdp,lfpr_pct,patents,efi\n');
      const rel = findRelease([sub]);
      expect(rel.baci.length).toBe(1);
      expect(rel.revision).toBe('HS02');
      const { table } = countryTable(rel, readText);
      expect(table.toIso3.get(699)).toBe('IND');
      expect(table.toIso3.get(842)).toBe('USA');
    }
  });
});

describe('covariates file (spec 5.3)', () => {
  const H = 'iso3,year,fdi_inflow_musd,gfcf_pct_gdp,lfpr_pct,patents,efi,efi_scale';
  it('derives lnFDI, Capital, LR, PA, EFI; empty cells are missing; efi_scale 100 divides by 10', () => {
    const c = parseCovariates(`${H}\nCHN,2020,181000,43.9,67.5,156000,6.2,10\nKHM,2020,,,70,0,62,100\nPHL,2020,-5,20,60,10,7,\n`);
    const chn = c.rows.get('CHN|2020')!;
    expect(chn.lnfdi).toBe(Math.log(181000));
    expect(chn.capital).toBe(0.439);
    expect(chn.lr).toBe(0.675);
    expect(chn.pa).toBe(Math.log(156000));
    expect(chn.efi).toBe(6.2);
    const khm = c.rows.get('KHM|2020')!;
    expect([khm.lnfdi, khm.capital, khm.pa]).toEqual([null, null, null]);
    expect(khm.efi).toBeCloseTo(6.2, 12);
    expect(c.rows.get('PHL|2020')!.lnfdi).toBeNull();
    expect(c.notes.join(' ')).toMatch(/row 4 \(PHL 2020\): FDI inflow -5 <= 0/);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['unknown ISO3', 'XYZ,2020,1,20,60,10,7,10', /row 2, field "iso3": unknown ISO3 code "XYZ"/],
    ['duplicate (iso3, year)', 'CHN,2020,1,20,60,10,7,10\nCHN,2020,1,20,60,10,7,10', /row 3 repeats \(iso3, year\) = \(CHN, 2020\) of row 2/],
    ['percent out of range', 'CHN,2020,1,120,60,10,7,10', /row 2, field "gfcf_pct_gdp" = 120 is outside \[0, 100\]/],
    ['efi above its scale', 'CHN,2020,1,20,60,10,70,10', /row 2, field "efi" = 70 is outside \[0, 10\]/],
    ['bad efi_scale', 'CHN,2020,1,20,60,10,7,5', /row 2, field "efi_scale" must be 10 or 100/],
    ['non-numeric', 'CHN,2020,1,20,abc,10,7,10', /row 2, field "lfpr_pct" is not a number/],
    ['fractional patents', 'CHN,2020,1,20,60,10.5,7,10', /row 2, field "patents" = 10.5 is not a whole count/],
  ];
  for (const [what, body, re] of bad) {
    it(`rejects ${what}`, () => expect(() => parseCovariates(`${H}\n${body}\n`, 'cov.csv')).toThrow(re));
  }
  it('rejects a header without the required columns', () => {
    expect(() => parseCovariates('iso3,year,fdi\n')).toThrow(/lacks column\(s\) fdi_inflow_musd, gfcf_pct_gdp/);
  });
});
