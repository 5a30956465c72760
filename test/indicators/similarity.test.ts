/** ESI (Finger-Kreinin) on synthetic baskets and the asean-similarity spec's reference values (BACI sample). */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import {
  ExportBaskets, aggregateBasket, basketShares, esiL1, esiOfBaskets, esiPair, esiPairwise, esiReference, type TradeRecord,
} from '../../src/indicators/similarity.js';
import { readBaci, BaciParser, baciRevisionFromName, baciYearFromName } from '../../src/io/baci.js';
import { builtinCountryTable, codesOf, iso3Of, parseCountryTable } from '../../src/io/countries.js';
import { HAS_SHARED, shared } from '../shared-data.js';
import { mulberry32 as rng } from '../../src/random.js';


describe('ESI on synthetic baskets', () => {
  const r = rng(3);
  const recs: TradeRecord[] = [];
  const ex = ['E1', 'E2', 'E3'];
  const im = ['M1', 'M2', 'E1', 'E2'];
  for (const e of ex) for (const m of im) {
    if (m === e) continue;
    for (let k = 0; k < 40; k++) if (r() < 0.5) recs.push({ year: 2020, exporter: e, importer: m, product: String(100000 + k * 137).padStart(6, '0'), value: 1 + 100 * r() });
  }
  const col = new ExportBaskets(ex, 'world');
  recs.forEach((x) => col.add(x));

  it('hand-computed two-product case', () => {
    const a = new Map([['010101', 3], ['020202', 1]]);
    const b = new Map([['010101', 1], ['030303', 1]]);
    // shares a: .75/.25, b: .5/.5 -> min on 010101 = .5
    expect(esiOfBaskets(a, b)).toBeCloseTo(0.5, 15);
    expect(esiL1(a, b)).toBeCloseTo(0.5, 15);
    expect(aggregateBasket(new Map([['010101', 1], ['010299', 2], ['020000', 4]]), 4)).toEqual(new Map([['0101', 1], ['0102', 2], ['0200', 4]]));
  });

  it('symmetric, in [0,1], equals the L1 form, ESI(e,e) = 1, scale invariant, coarser level never lower', () => {
    for (const level of [6, 4, 2] as const) {
      const rows = esiPairwise(col, ex, { level });
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        const back = esiPair(col, 2020, row.e2, row.e1, { level });
        expect(row.esi).toBeCloseTo(back.esi!, 15);
        expect(row.esi!).toBeGreaterThanOrEqual(0);
        expect(row.esi!).toBeLessThanOrEqual(1);
        expect(row.esi!).toBeCloseTo(esiL1(col.basket(2020, row.e1, level), col.basket(2020, row.e2, level)), 12);
        if (level < 6) expect(row.esi!).toBeGreaterThanOrEqual(esiPair(col, 2020, row.e1, row.e2, { level: level === 4 ? 6 : 4 }).esi! - 1e-12);
      }
    }
    const b = col.basket(2020, 'E1');
    expect(esiOfBaskets(b, b)).toBeCloseTo(1, 15);
    const scaled = new Map([...b].map(([k, v]) => [k, v * 1000]));
    expect(esiOfBaskets(scaled, col.basket(2020, 'E2'))).toBeCloseTo(esiOfBaskets(b, col.basket(2020, 'E2')), 14);
  });

  it('excludeMutual drops e1 -> e2 and e2 -> e1 flows; reference mode combines by mean / pooled / none', () => {
    const ex1 = esiPair(col, 2020, 'E1', 'E2', { excludeMutual: true });
    const keep = recs.filter((x) => !((x.exporter === 'E1' && x.importer === 'E2') || (x.exporter === 'E2' && x.importer === 'E1')));
    const c2 = new ExportBaskets(ex, 'world');
    keep.forEach((x) => c2.add(x));
    expect(ex1.esi).toBeCloseTo(esiPair(c2, 2020, 'E1', 'E2').esi!, 14);
    const mean = esiReference(col, ['E3'], ['E1', 'E2'], { combine: 'mean' });
    const none = esiReference(col, ['E3'], ['E1', 'E2'], { combine: 'none' });
    expect(none).toHaveLength(2);
    expect(mean[0].esi).toBeCloseTo((none[0].esi! + none[1].esi!) / 2, 15);
    const pooled = esiReference(col, ['E3'], ['E1', 'E2'], { combine: 'pooled' });
    const pb = new Map<string, number>();
    for (const e of ['E1', 'E2']) for (const [k, v] of col.basket(2020, e)) pb.set(k, (pb.get(k) ?? 0) + v);
    expect(pooled[0].esi).toBeCloseTo(esiOfBaskets(col.basket(2020, 'E3'), pb), 15);
  });

  it('an exporter without exports to the market gives null with a reason', () => {
    const c = new ExportBaskets(['E1', 'E9'], ['M1']);
    recs.forEach((x) => c.add(x));
    const row = esiPair(c, 2020, 'E1', 'E9');
    expect(row.esi).toBeNull();
    expect(row.reason).toMatch(/E9 has no exports/);
  });
});

describe('BACI reader and country codes', () => {
  it('pads HS codes, accepts NA and blank quantities, rejects bad rows', () => {
    const p = new BaciParser('f.csv', {}, 2020);
    p.header('"t","i","j","k","v","q"');
    expect(p.line('2020,4,36,71120,0.729,"        0.308"', 2)).toEqual({ t: 2020, i: 4, j: 36, k: '071120', v: 0.729, q: 0.308 });
    expect(p.line('2020,4,32,401031,0.164,"           NA"', 3)!.q).toBeNull();
    expect(p.line('2020,4,33,401031,0.164,', 4)!.q).toBeNull();
    expect(() => p.line('2020,4,33,401031,0.164,', 5)).toThrow(/row 5 repeats/);
    expect(() => p.line('2019,4,34,401031,1,', 6)).toThrow(/year 2020/);
    expect(() => p.line('2020,4,4,401031,1,', 7)).toThrow(/both 4/);
    expect(() => p.line('2020,4,35,401031,0,', 8)).toThrow(/field "v"/);
    expect(() => p.line('2020,4,35,40103x,1,', 9)).toThrow(/field "k"/);
    expect(baciYearFromName('/x/BACI_HS17_Y2020_V202401.csv.gz')).toBe(2020);
    expect(baciYearFromName('baci_hs17_2020_afg_zaf.csv.gz')).toBeUndefined();
    expect(baciRevisionFromName('baci_hs17_2020_afg_zaf.csv.gz')).toBe('HS17');
  });

  it('ISO numeric and BACI exceptions; release country tables in both header styles', () => {
    const t = builtinCountryTable();
    expect(iso3Of(t, 842)).toBe('USA');
    expect(iso3Of(t, 699)).toBe('IND');
    expect(codesOf(t, 'USA').sort()).toEqual([840, 842]);
    expect(codesOf(t, 'TWN').sort()).toEqual([158, 490]);
    expect(codesOf(t, '710')).toEqual([710]);
    expect(() => codesOf(t, 'XXX')).toThrow(/unknown country/);
    const a = parseCountryTable('country_code,country_name,country_iso2,country_iso3\n4,Afghanistan,AF,AFG\n842,USA,US,USA\n');
    expect(iso3Of(a, 842)).toBe('USA');
    const b = parseCountryTable('country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n251,France,France,FR,FRA\n');
    expect(codesOf(b, 'FRA')).toEqual([251]);
    const q = parseCountryTable('country_code,country_name,country_iso2,country_iso3\n410,"Korea, Rep. of",KR,KOR\n490,"Other Asia, nes",,S19\n');
    expect([iso3Of(q, 410), iso3Of(q, 490)]).toEqual(['KOR', 'S19']);
  });
});

const BACI = shared('trade', 'baci_hs17_2020_afg_zaf.csv.gz');
const haveBaci = HAS_SHARED && existsSync(BACI);
if (!haveBaci) console.warn('[gvc tests] BACI sample absent: ESI reference values skipped.');

describe.skipIf(!haveBaci)('asean-similarity reference values (BACI HS17 2020, AFG vs ZAF)', () => {
  const table = builtinCountryTable();
  let recs: TradeRecord[] = [];
  it('reads the sample file', async () => {
    const out: TradeRecord[] = [];
    const sum = await readBaci(BACI, (r) => out.push({ year: r.t, exporter: iso3Of(table, r.i), importer: iso3Of(table, r.j), product: r.k, value: r.v }));
    expect(sum.rows).toBe(72097);
    expect(sum.kept).toBe(72097);
    expect(sum.years).toEqual([2020]);
    recs = out;
  });

  const cases: Array<[string, 'world' | string[], boolean, number, number]> = [
    ['USA', ['USA'], false, 6, 0.006872], ['USA', ['USA'], false, 4, 0.022053], ['USA', ['USA'], false, 2, 0.201618],
    ['DEU', ['DEU'], false, 6, 0.005567], ['DEU', ['DEU'], false, 4, 0.016174], ['DEU', ['DEU'], false, 2, 0.094806],
    ['world', 'world', false, 6, 0.069746], ['world', 'world', false, 4, 0.086779], ['world', 'world', false, 2, 0.164137],
    ['world excl. mutual', 'world', true, 6, 0.069732],
  ];
  for (const [label, market, excl, level, want] of cases) {
    it(`ESI(AFG, ZAF | ${label}) at HS${level} = ${want}`, () => {
      const col = new ExportBaskets(['AFG', 'ZAF'], market);
      recs.forEach((r) => col.add(r));
      const row = esiPair(col, 2020, 'AFG', 'ZAF', { level: level as 6 | 4 | 2, excludeMutual: excl });
      expect(Math.abs(row.esi! - want)).toBeLessThan(1e-6);
    });
  }

  it('spec 7 on the sample file: shares sum to 1 (1e-12), ESI(e,e) = 1, symmetric, = 1 - L1/2 (1e-12), coarser level never lower', () => {
    for (const market of [['USA'], ['DEU'], 'world'] as Array<string[] | 'world'>) {
      const col = new ExportBaskets(['AFG', 'ZAF'], market);
      recs.forEach((r) => col.add(r));
      let prev = -Infinity;
      for (const level of [6, 4, 2] as const) {
        const a = col.basket(2020, 'AFG', level);
        const z = col.basket(2020, 'ZAF', level);
        for (const b of [a, z]) {
          expect(b.size).toBeGreaterThan(0);
          expect(Math.abs([...basketShares(b).values()].reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
          expect(Math.abs(esiOfBaskets(b, b) - 1)).toBeLessThan(1e-12);
        }
        const e = esiOfBaskets(a, z);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(1);
        expect(Math.abs(e - esiOfBaskets(z, a))).toBeLessThan(1e-12);
        expect(Math.abs(e - esiL1(a, z))).toBeLessThan(1e-12);
        expect(e).toBeGreaterThanOrEqual(prev - 1e-12);
        prev = e;
      }
    }
  });

  it('product line counts and market totals', () => {
    const counts: Array<[string[] | 'world', number, number, number]> = [[['USA'], 75, 1267, 31], [['DEU'], 99, 1115, 40], ['world', 1072, 5071, 1070]];
    for (const [market, n1, n2, nc] of counts) {
      const col = new ExportBaskets(['AFG', 'ZAF'], market);
      recs.forEach((r) => col.add(r));
      const row = esiPair(col, 2020, 'AFG', 'ZAF');
      expect([row.n_products_e1, row.n_products_e2, row.n_common]).toEqual([n1, n2, nc]);
    }
    const us = new ExportBaskets(['AFG', 'ZAF'], ['USA']);
    recs.forEach((r) => us.add(r));
    const row = esiPair(us, 2020, 'AFG', 'ZAF');
    expect(row.value_e1).toBeCloseTo(4430.449, 6);
    expect(row.value_e2).toBeCloseTo(2877220.528, 5);
    const de = new ExportBaskets(['AFG', 'ZAF'], ['DEU']);
    recs.forEach((r) => de.add(r));
    const rd = esiPair(de, 2020, 'AFG', 'ZAF');
    expect(rd.value_e1).toBeCloseTo(6772.542, 6);
    expect(rd.value_e2).toBeCloseTo(3075108.21, 5);
  });
});
