/**
 * The four non-MRIO inputs of §5.2 as plain records, with readers and writers of their CSV contracts:
 *   cities.csv      code, name, province, region, lon, lat, excluded, focus
 *   city_panel.csv  code, year, gdp_pc, urban_share, fdi_gdp, students_pop, trade_gdp, gov_gdp, population,
 *                   employed, net_fixed_assets, liquid_assets, patents
 *   hsr_lines.csv   line_id, line_name, code, station_open_date
 *   baidu_index.csv year, from_code, to_code, daily_avg
 * A bad row raises one InputError naming file, row (1-based, header = row 1) and field. Empty panel fields
 * are missing (NaN); gaps are handled in variables.ts. Numbers are written round-trip (String(x)).
 */
import { InputError } from '../../errors.js';

export interface CityRecord {
  code: string;
  name: string;
  province: string;
  region: string;
  lon: number;
  lat: number;
  excluded: boolean;
  focus: boolean;
}

export const PANEL_FIELDS = [
  'gdp_pc', 'urban_share', 'fdi_gdp', 'students_pop', 'trade_gdp', 'gov_gdp',
  'population', 'employed', 'net_fixed_assets', 'liquid_assets', 'patents',
] as const;
export type PanelField = (typeof PANEL_FIELDS)[number];

export interface CityYear {
  code: string;
  year: number;
  values: Record<PanelField, number>;
}

export interface HsrStation {
  lineId: string;
  lineName: string;
  code: string;
  /** ISO date "YYYY-MM-DD". */
  openDate: string;
}

/** Baidu index rows as parallel arrays (the paper profile has ~570k of them). */
export interface BaiduRows {
  year: Int16Array | number[];
  from: string[];
  to: string[];
  dailyAvg: Float64Array | number[];
}

export interface CityInputs {
  cities: CityRecord[];
  panel: CityYear[];
  hsr: HsrStation[];
  baidu: BaiduRows;
}

/** Split CSV text into a header and rows (RFC 4180 quotes; CRLF tolerated). */
export function csvTable(text: string, file: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  if (!rows.length) throw new InputError(`${file}: the file is empty.`);
  return { header: rows[0].map((h) => h.trim()), rows: rows.slice(1) };
}

/** Column index lookup that names the file when a column is missing. */
function columns(header: string[], need: readonly string[], file: string): number[] {
  return need.map((n) => {
    const k = header.indexOf(n);
    if (k < 0) throw new InputError(`${file}: missing column '${n}' (header: ${header.join(',')}).`);
    return k;
  });
}

function num(s: string, file: string, row: number, field: string, allowEmpty = false): number {
  const t = s.trim();
  if (t === '' && allowEmpty) return NaN;
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) throw new InputError(`${file}: row ${row}, field ${field}: '${s}' is not a number.`);
  return v;
}

function bool(s: string, file: string, row: number, field: string): boolean {
  const t = s.trim().toLowerCase();
  if (['1', 'true', 'yes', 'y'].includes(t)) return true;
  if (['0', 'false', 'no', 'n', ''].includes(t)) return false;
  throw new InputError(`${file}: row ${row}, field ${field}: '${s}' is not a boolean (0/1).`);
}

export function readCities(text: string, file = 'cities.csv'): CityRecord[] {
  const { header, rows } = csvTable(text, file);
  const c = columns(header, ['code', 'name', 'province', 'region', 'lon', 'lat', 'excluded', 'focus'], file);
  return rows.map((r, k) => {
    const row = k + 2;
    const code = r[c[0]]?.trim() ?? '';
    if (!code) throw new InputError(`${file}: row ${row}, field code: empty city code.`);
    return {
      code,
      name: r[c[1]] ?? '',
      province: r[c[2]] ?? '',
      region: r[c[3]] ?? '',
      lon: num(r[c[4]] ?? '', file, row, 'lon'),
      lat: num(r[c[5]] ?? '', file, row, 'lat'),
      excluded: bool(r[c[6]] ?? '', file, row, 'excluded'),
      focus: bool(r[c[7]] ?? '', file, row, 'focus'),
    };
  });
}

export function readCityPanel(text: string, file = 'city_panel.csv'): CityYear[] {
  const { header, rows } = csvTable(text, file);
  const c = columns(header, ['code', 'year', ...PANEL_FIELDS], file);
  return rows.map((r, k) => {
    const row = k + 2;
    const values = {} as Record<PanelField, number>;
    PANEL_FIELDS.forEach((f, q) => (values[f] = num(r[c[q + 2]] ?? '', file, row, f, true)));
    const year = num(r[c[1]] ?? '', file, row, 'year');
    if (!Number.isInteger(year)) throw new InputError(`${file}: row ${row}, field year: '${r[c[1]]}' is not a year.`);
    return { code: (r[c[0]] ?? '').trim(), year, values };
  });
}

export function readHsrLines(text: string, file = 'hsr_lines.csv'): HsrStation[] {
  const { header, rows } = csvTable(text, file);
  const c = columns(header, ['line_id', 'line_name', 'code', 'station_open_date'], file);
  return rows.map((r, k) => {
    const d = (r[c[3]] ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new InputError(`${file}: row ${k + 2}, field station_open_date: '${d}' is not YYYY-MM-DD.`);
    return { lineId: r[c[0]].trim(), lineName: r[c[1]] ?? '', code: (r[c[2]] ?? '').trim(), openDate: d };
  });
}

export function readBaidu(text: string, file = 'baidu_index.csv'): BaiduRows {
  const { header, rows } = csvTable(text, file);
  const c = columns(header, ['year', 'from_code', 'to_code', 'daily_avg'], file);
  const out: BaiduRows = { year: new Int16Array(rows.length), from: [], to: [], dailyAvg: new Float64Array(rows.length) };
  rows.forEach((r, k) => {
    out.year[k] = num(r[c[0]] ?? '', file, k + 2, 'year');
    out.from.push((r[c[1]] ?? '').trim());
    out.to.push((r[c[2]] ?? '').trim());
    const v = num(r[c[3]] ?? '', file, k + 2, 'daily_avg');
    if (v < 0) throw new InputError(`${file}: row ${k + 2}, field daily_avg: negative value ${v}.`);
    out.dailyAvg[k] = v;
  });
  return out;
}

const fmt = (v: number): string => (Number.isFinite(v) ? (v === 0 ? '0' : String(v)) : '');
const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function writeCities(cs: readonly CityRecord[]): string {
  const lines = ['code,name,province,region,lon,lat,excluded,focus'];
  for (const c of cs) {
    lines.push([c.code, quote(c.name), quote(c.province), c.region, fmt(c.lon), fmt(c.lat), c.excluded ? 1 : 0, c.focus ? 1 : 0].join(','));
  }
  return lines.join('\n') + '\n';
}

export function writeCityPanel(rows: readonly CityYear[]): string {
  const lines = [['code', 'year', ...PANEL_FIELDS].join(',')];
  for (const r of rows) lines.push([r.code, r.year, ...PANEL_FIELDS.map((f) => fmt(r.values[f]))].join(','));
  return lines.join('\n') + '\n';
}

export function writeHsrLines(rows: readonly HsrStation[]): string {
  const lines = ['line_id,line_name,code,station_open_date'];
  for (const r of rows) lines.push([r.lineId, quote(r.lineName), r.code, r.openDate].join(','));
  return lines.join('\n') + '\n';
}

/** Baidu CSV; zero rows are left out (§5.3 step 8 allows it; missing reads back as 0). */
export function writeBaidu(b: BaiduRows): string {
  const parts: string[] = ['year,from_code,to_code,daily_avg\n'];
  for (let k = 0; k < b.from.length; k++) {
    if (b.dailyAvg[k] === 0) continue;
    parts.push(`${b.year[k]},${b.from[k]},${b.to[k]},${fmt(b.dailyAvg[k])}\n`);
  }
  return parts.join('');
}
