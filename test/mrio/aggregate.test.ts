import { describe, expect, it } from 'vitest';
import { aggregate, parseMapping } from '../../src/mrio/aggregate.js';
import { demoWorld } from '../../src/mrio/demo.js';
import { diagnose } from '../../src/mrio/diagnose.js';
import { resolveCountries, groupMapping } from '../../src/mrio/groups.js';
import { toLabeledCsv } from '../../src/mrio/write/labeled-csv.js';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('aggregation', () => {
  const t = demoWorld();
  it('sums blocks exactly: Z of a merged country-sector equals the explicit sum of its members', () => {
    const countries = groupMapping(t.countries, ['CHN', 'USA'], 'ROW');
    const sectors = new Map(t.sectors.map((s) => [s, ['AGR', 'MIN', 'FOOD'].includes(s) ? 'PRIMARY' : s === 'SERV' ? 'SERV' : 'MANUF']));
    const a = aggregate(t, { countries, sectors });
    expect(a.countries).toEqual(['CHN', 'USA', 'ROW']);
    expect(a.sectors).toEqual(['PRIMARY', 'MANUF', 'SERV']);
    // explicit: CHN.PRIMARY -> ROW.MANUF
    const N = t.sectors.length;
    const GN = t.x.length;
    let want = 0;
    for (let s = 0; s < 3; s++) for (let c = 2; c < t.countries.length; c++) for (const m of [3, 4, 5, 6]) want += t.Z.data[s * GN + c * N + m];
    const got = a.Z.data[0 * 9 + 2 * 3 + 1];
    expect(got).toBeCloseTo(want, 9);
    expect(sum(a.Z.data)).toBeCloseTo(sum(t.Z.data), 6);
    expect(sum(a.Y.data)).toBeCloseTo(sum(t.Y.data), 6);
    expect(sum(a.va)).toBeCloseTo(sum(t.va), 6);
    expect(diagnose(a).rowBalance.maxRel).toBeLessThan(1e-12);
  });

  it('rejects an unmapped label and parses mapping files', () => {
    expect(() => aggregate(t, { sectors: new Map([['AGR', 'A']]) })).toThrow(/sector "MIN" has no entry/);
    const m = parseMapping('from,to\nAGR,PRIM\nMIN,PRIM\n');
    expect(m.get('MIN')).toBe('PRIM');
    expect(() => parseMapping('a,b\n1,2')).toThrow(/must have columns "from" and "to"/);
    expect(() => parseMapping('from,to\nAGR,P\nAGR,Q', 'map.csv')).toThrow(/map\.csv: row 3 maps "AGR" a second time/);
  });
});

describe('groups and demo world', () => {
  it('resolves named groups and aliases', () => {
    const bri = resolveCountries('BRI');
    expect(bri.length).toBe(21);
    expect(resolveCountries('ROU,chn')).toEqual(['ROM', 'CHN']);
  });
  it('the demo world is deterministic per seed, balanced, and round-trips through CSV', () => {
    const a = demoWorld({ seed: 3 });
    const b = demoWorld({ seed: 3 });
    expect(Array.from(a.Z.data)).toEqual(Array.from(b.Z.data));
    expect(Array.from(demoWorld({ seed: 4 }).Z.data)).not.toEqual(Array.from(a.Z.data));
    expect(diagnose(a).rowBalance.maxRel).toBeLessThan(1e-12);
    const back = parseLabeledCsv(toLabeledCsv(a));
    expect(Array.from(back.Z.data)).toEqual(Array.from(a.Z.data));
    expect(Array.from(back.x)).toEqual(Array.from(a.x));
  });
});
