import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { cityCodeTable, parseCityCodesCsv } from '../../src/mrio/read/ceads/city-codes.js';
import { useBestBackend } from '../../src/node/backend.js';
import { effectDefaults, TABLE_YEARS } from '../../src/study/city-transfer/config.js';
import { ceadsFromCells, readCeadsWorkbook } from '../../src/study/city-transfer/mrio-ceads.js';
import type { CityMrio, CityMrioSource } from '../../src/study/city-transfer/mrio-city.js';
import { readWideCsv, writeWideCsv } from '../../src/study/city-transfer/mrio-csv.js';
import { itVersusZ, readDataFolder, runCityTransfer } from '../../src/study/city-transfer/run.js';
import { generateSynthetic, type SyntheticRun } from '../../src/study/city-transfer/synthetic/index.js';
import { computeTransfer } from '../../src/study/city-transfer/transfer.js';
import { readText } from '../../src/node/files.js';
import { copyTable, maxDiff, writeMockCeads } from './city-ceads-mock.js';

const ZH = ['北京市', '天津市', '上海市', '南京市', '杭州市', '合肥市', '武汉市', '长沙市', '成都市', '西安市', '昆明市', '哈尔滨市'];
const tmp = (): string => mkdtempSync(join(tmpdir(), 'city-ceads-'));
let syn: SyntheticRun;
let names: Record<string, string>;
let codesCsv: string;

function expectSameTable(got: CityMrio, want: CityMrio): void {
  expect(got.cities).toEqual(want.cities);
  expect(got.sectors).toEqual(want.sectors);
  for (const f of ['Z', 'Y', 'exp', 'other', 'go', 'imp', 'va'] as const) expect(maxDiff(got[f], want[f]), f).toBe(0);
}

beforeAll(async () => {
  await useBestBackend();
  const d = effectDefaults('homogeneous');
  syn = generateSynthetic({ profile: 'tiny', effects: 'homogeneous', seed: 4, noise: d.noise, betaHsr: d.betaHsr, betaInfo: d.betaInfo, betaDouble: 0, writeTables: false }, undefined, false);
  const codes = syn.tables.load(2012).cities;
  names = Object.fromEntries(codes.map((c, k) => [c, ZH[k]]));
  codesCsv = 'code,name\n' + codes.map((c, k) => `${c},${ZH[k]}`).join('\n') + '\n';
});

describe('CEADs workbook reader', () => {
  it('auto-detects the layout of a tiny mock and returns the generator values exactly', async () => {
    const dir = tmp();
    const t = syn.tables.load(2015);
    const path = join(dir, 'mrio_2015.xlsx');
    await writeMockCeads(path, t, { names, merge: true });
    const codes = cityCodeTable(parseCityCodesCsv(codesCsv, 'codes.csv'));
    const r = await readCeadsWorkbook(path, 2015, { codes });
    expectSameTable(r.table, t);
    expect(r.notes[0]).toContain('12 cities × 6 sectors from row 4, unit 万元');
  });

  it('follows a layout file: permuted final-use columns, a total column to skip, named trailing columns and rows', async () => {
    const dir = tmp();
    const t = syn.tables.load(2017);
    const path = join(dir, 'mrio_2017.xlsx');
    const fd = ['GOV', 'RURAL', 'SKIP', 'URBAN', 'INVEN', 'GFCF'] as const;
    await writeMockCeads(path, t, { names, fd: [...fd], sheet: 'IO2017' });
    const layout = {
      sheet: 'IO2017', firstDataRow: 4, firstDataCol: 'D', cityCol: 1, sectorCol: 'C', sectors: 6,
      finalUse: fd, finalUseNames: ['政府消费', '农村居民消费', '最终使用合计', '城镇居民消费', '存货增加', '固定资本形成总额'],
      trailing: { EXP: '出口', OTHER: '其他', GO: '总产出' }, importRows: ['进口'], valueAddedRows: ['增加值'], unit: '万元',
    };
    const lp = join(dir, 'layout.json');
    writeFileSync(lp, JSON.stringify(layout));
    const r = await readCeadsWorkbook(path, 2017, { layoutPath: lp, codes: cityCodeTable(parseCityCodesCsv(codesCsv, 'codes.csv')) });
    expectSameTable(r.table, t);
  });

  it('gives the same transfer T as the wide-CSV path', async () => {
    const dir = tmp();
    const codes = cityCodeTable(parseCityCodesCsv(codesCsv, 'codes.csv'));
    for (const y of TABLE_YEARS) {
      await writeMockCeads(join(dir, `mrio_${y}.xlsx`), syn.tables.load(y), { names });
      writeWideCsv(syn.tables.load(y), join(dir, `mrio_${y}.csv`));
    }
    const ceads: CityMrioSource = { years: TABLE_YEARS, load: async (y) => (await readCeadsWorkbook(join(dir, `mrio_${y}.xlsx`), y, { codes })).table };
    const csv: CityMrioSource = { years: TABLE_YEARS, load: (y) => readWideCsv(readText(join(dir, `mrio_${y}.csv`)), y, `mrio_${y}.csv`) };
    const a = await computeTransfer(ceads);
    const b = await computeTransfer(csv);
    expect(a.codes).toEqual(b.codes);
    a.T.forEach((T, p) => expect(maxDiff(T, b.T[p])).toBe(0));
    expect(itVersusZ(a, syn)).toBeLessThan(1e-8);
  });

  it('runs the study on a --data folder of CEADs workbooks (names mapped by city_codes.csv)', async () => {
    const out = tmp();
    const g = generateSynthetic({ profile: 'tiny', effects: 'homogeneous', seed: 4, noise: 4, betaHsr: { down: 1.2, up: 1.2 }, betaInfo: { down: 0.8, up: 0.8 }, betaDouble: 0, writeTables: false }, out, false);
    const dir = join(out, 'synthetic');
    for (const y of TABLE_YEARS) await writeMockCeads(join(dir, `mrio_${y}.xlsx`), g.tables.load(y), { names });
    writeFileSync(join(dir, 'city_codes.csv'), codesCsv);
    const lines: string[] = [];
    const { source } = readDataFolder(dir, (l) => lines.push(l));
    expectSameTable(await source.load(2012), syn.tables.load(2012));
    const r = await runCityTransfer({ data: dir, out: join(out, 'run'), estimatesOnly: true, png: false, progress: (l) => lines.push(l) });
    expect(itVersusZ(r.transfer, g)).toBeLessThan(1e-8);
    expect(lines.some((l) => l.includes('mrio_2017.xlsx [2017]: 12 cities × 6 sectors'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([]);
    for (const a of r.transfer.accounting) {
      expect(a.origins?.rel).toBeLessThan(1e-9);
      expect(a.total).toBeLessThan(1e-9);
    }
  });

  it('names the cell, row and field of bad input', () => {
    const t = copyTable(syn.tables.load(2012));
    const cells: (string | number | null)[][] = [
      ['', '', '单位：万元'],
      ['地区', '部门', '代码', '北京市', '北京市', '天津市', '天津市', '北京市', '北京市', '北京市', '北京市', '北京市', '天津市', '天津市', '天津市', '天津市', '天津市', '出口', '其他', '总产出'],
    ];
    for (let r = 0; r < 4; r++) cells.push([r < 2 ? '北京市' : '天津市', `部门${r % 2}`, `0${(r % 2) + 1}`, ...Array.from({ length: 17 }, () => 1)]);
    expect(ceadsFromCells(cells, 2012, 'x.xlsx').table.cities).toEqual(['110000', '120000']);
    cells[4][6] = 'n/a';
    expect(() => ceadsFromCells(cells, 2012, 'x.xlsx')).toThrow(/x\.xlsx: cell G5 \(row 5, field Z column 天津市\.02\): 'n\/a' is not a number/);
    cells[4][6] = 1;
    cells[4][0] = '石家庄';
    cells[5][0] = '石家庄';
    cells[1][3] = cells[1][4] = '石家庄';
    expect(() => ceadsFromCells(cells, 2012, 'x.xlsx', { codes: cityCodeTable() }).table.cities).not.toThrow();
    cells[4][0] = cells[5][0] = cells[1][3] = cells[1][4] = '某某市';
    expect(() => ceadsFromCells(cells, 2012, 'x.xlsx')).toThrow(InputError);
    expect(() => ceadsFromCells(cells, 2012, 'x.xlsx')).toThrow(/1 city name\(s\) not in the city-code table \(某某市\)/);
    expect(t.cities.length).toBe(12);
  });
});
