/** The `gvc esi` and `gvc indicators` command cores (called in-process). */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { runEsi } from '../../src/cli/commands/esi.js';
import { indicatorColumns, parseWhat } from '../../src/cli/commands/indicators.js';
import { buildModel } from '../../src/mrio/model.js';
import { kpwwIndices, sectorIvFv, aggregateIvFv } from '../../src/indicators/participation.js';
import { HAS_SHARED, shared } from '../shared-data.js';
import { randomTable } from './tiny.js';

const BACI = shared('trade', 'baci_hs17_2020_afg_zaf.csv.gz');
const haveBaci = HAS_SHARED && existsSync(BACI);

describe.skipIf(!haveBaci)('gvc esi (asean-similarity 5.5 acceptance)', () => {
  it('--exporters AFG,ZAF --market USA --level 6 --json gives esi 0.006872 and the spec counts', async () => {
    const doc = await runEsi([BACI], { exporters: 'AFG,ZAF', market: 'USA', level: '6' });
    expect(doc.level).toBe(6);
    expect(doc.market).toEqual(['USA']);
    expect(doc.exclude_mutual).toBe(false);
    const c = (doc.comparisons as Array<Record<string, number | string>>)[0];
    expect(c.year).toBe(2020);
    expect([c.e1, c.e2]).toEqual(['AFG', 'ZAF']);
    expect(Math.abs((c.esi as number) - 0.006872)).toBeLessThan(1e-6);
    expect([c.n_products_e1, c.n_products_e2, c.n_common]).toEqual([75, 1267, 31]);
    expect(c.value_e1).toBe(4430.449);
    expect(c.value_e2).toBe(2877220.528);
  });

  it('BACI numeric codes work like ISO3; world with --exclude-mutual', async () => {
    const doc = await runEsi([BACI], { exporters: '4,710', market: 'world', level: '6', excludeMutual: true });
    const c = (doc.comparisons as Array<Record<string, number | string>>)[0];
    expect([c.e1, c.e2]).toEqual(['AFG', 'ZAF']);
    expect(Math.abs((c.esi as number) - 0.069732)).toBeLessThan(1e-6);
  });

  it('JSON keys and their order are those of spec 5.5; no exports to the market gives esi null with a reason', async () => {
    const doc = await runEsi([BACI], { exporters: 'AFG,ZAF', market: 'USA', level: '6' });
    expect(Object.keys(doc)).toEqual(['level', 'market', 'exclude_mutual', 'comparisons']);
    const c = (doc.comparisons as Array<Record<string, unknown>>)[0];
    expect(Object.keys(c)).toEqual(['year', 'e1', 'e2', 'esi', 'n_products_e1', 'n_products_e2', 'n_common', 'value_e1', 'value_e2']);
    const none = await runEsi([BACI], { exporters: 'AFG,ZAF', market: 'TUV', level: '6' });
    const n = (none.comparisons as Array<Record<string, unknown>>)[0];
    expect(n.esi).toBeNull();
    expect(n.reason).toMatch(/AFG has no exports to the market in 2020/);
    expect(n.n_products_e1).toBe(0);
    expect(JSON.parse(JSON.stringify(none))).toEqual(none);
  });

  it('third-market rule and usage errors', async () => {
    await expect(runEsi([BACI], { exporters: 'AFG,ZAF', market: 'ZAF' })).rejects.toThrow(/third-market/);
    await expect(runEsi([BACI], { exporters: 'AFG,ZAF', level: '5' })).rejects.toThrow(/--level/);
    await expect(runEsi([BACI], { exporters: 'AFG' })).rejects.toThrow(/at least two/);
  });
});

describe('gvc indicators', () => {
  it('parses --what and refuses level mismatches', () => {
    expect(parseWhat('participation,position,vs1').what).toEqual(['participation', 'position', 'vs1']);
    expect(() => parseWhat('rca', 'country')).toThrow(/--level sector/);
    expect(() => parseWhat('vs1', 'sector')).toThrow(/--level country/);
    expect(() => parseWhat('nope')).toThrow(/unknown indicator/);
  });

  it('sector participation from the WWZ decomposition equals the closed form; columns are aligned', () => {
    const m = buildModel(randomTable(3, 2, 77));
    const b = indicatorColumns(m, ['participation', 'rca', 'hhi', 'upstreamness'], 'sector', { what: '' });
    const k = kpwwIndices(sectorIvFv(m));
    const got = b.get('gvc_participation') as Float64Array;
    for (let r = 0; r < m.GN; r++) expect(got[r]).toBeCloseTo(k.participation[r], 10);
    for (const [, col] of b) expect(col.length).toBe(m.GN);
    const c = indicatorColumns(m, ['vs1', 'localshares', 'wwyz', 'hhi', 'upstreamness'], 'country', { what: '', scope: 's1' });
    for (const [, col] of c) expect(col.length).toBe(m.G);
    // country E from KWW equals the sector sum of exports
    const agg = aggregateIvFv(sectorIvFv(m), m.G, m.N);
    const cp = indicatorColumns(m, ['participation'], 'country', { what: '' });
    const E = cp.get('E') as Float64Array;
    for (let c2 = 0; c2 < m.G; c2++) expect(E[c2]).toBeCloseTo(agg.E[c2], 9);
  });
});
