/**
 * City name -> administrative code (GB/T 2260) for the CEADs city-level MRIO workbooks, whose row and column
 * labels are Chinese city names. A small built-in table covers the provincial capitals, the four
 * municipalities and a few large cities; a user table (CSV `code,name`, several names per code allowed)
 * extends or overrides it. Names are compared after NFKC normalisation, with blanks removed and a trailing
 * 市 dropped, so 北京 and 北京市 match. Labels that already are six-digit codes pass through unchanged.
 * Municipalities carry their province-level code (110000 Beijing): supply a table to use 110100 instead.
 */
import { InputError } from '../../../errors.js';

/** GB/T 2260 codes of the built-in table. */
const BUILT_IN: ReadonlyArray<readonly [string, string]> = [
  ['110000', '北京市'], ['120000', '天津市'], ['310000', '上海市'], ['500000', '重庆市'],
  ['130100', '石家庄市'], ['140100', '太原市'], ['150100', '呼和浩特市'], ['210100', '沈阳市'],
  ['210200', '大连市'], ['220100', '长春市'], ['230100', '哈尔滨市'], ['320100', '南京市'],
  ['320500', '苏州市'], ['330100', '杭州市'], ['330200', '宁波市'], ['340100', '合肥市'],
  ['350100', '福州市'], ['350200', '厦门市'], ['360100', '南昌市'], ['370100', '济南市'],
  ['370200', '青岛市'], ['410100', '郑州市'], ['420100', '武汉市'], ['430100', '长沙市'],
  ['440100', '广州市'], ['440300', '深圳市'], ['450100', '南宁市'], ['460100', '海口市'],
  ['510100', '成都市'], ['520100', '贵阳市'], ['530100', '昆明市'], ['540100', '拉萨市'],
  ['610100', '西安市'], ['620100', '兰州市'], ['630100', '西宁市'], ['640100', '银川市'],
  ['650100', '乌鲁木齐市'],
];

/** Normalised lookup key of a city name. */
export function cityKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/市$/, '').toLowerCase();
}

export class CityCodes {
  private readonly byKey = new Map<string, string>();
  constructor(entries: Iterable<readonly [string, string]> = BUILT_IN) {
    for (const [code, name] of entries) this.add(code, name);
  }
  /** Add (or override) one name. */
  add(code: string, name: string): void {
    const k = cityKey(name);
    if (k) this.byKey.set(k, code.trim());
  }
  /** Code of a label: a six-digit label as is, else the table entry, else undefined. */
  code(label: string): string | undefined {
    const t = label.trim();
    if (/^\d{6}$/.test(t)) return t;
    return this.byKey.get(cityKey(t));
  }
  get size(): number {
    return this.byKey.size;
  }
  /** Codes of all labels; one InputError listing (up to five of) the unmatched names. */
  codes(labels: readonly string[], src: string): string[] {
    const miss: string[] = [];
    const out = labels.map((l) => this.code(l) ?? (miss.push(l), ''));
    if (miss.length) {
      throw new InputError(`${src}: ${miss.length} city name(s) not in the city-code table (${miss.slice(0, 5).join(', ')}${miss.length > 5 ? ', …' : ''}); supply a code,name CSV (GB/T 2260) that lists them.`);
    }
    const seen = new Map<string, string>();
    labels.forEach((l, k) => {
      const prev = seen.get(out[k]);
      if (prev !== undefined) throw new InputError(`${src}: cities '${prev}' and '${l}' map to the same code ${out[k]}.`);
      seen.set(out[k], l);
    });
    return out;
  }
}

/** Parse a `code,name` CSV (header required; quotes allowed) into [code, name] pairs. */
export function parseCityCodesCsv(text: string, file: string): Array<[string, string]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const split = (s: string): string[] => {
    const out: string[] = [];
    let f = '';
    let q = false;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (q) {
        if (ch === '"' && s[i + 1] === '"') (f += '"'), i++;
        else if (ch === '"') q = false;
        else f += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') out.push(f), (f = '');
      else f += ch;
    }
    out.push(f);
    return out.map((x) => x.trim());
  };
  const head = split(lines[0] ?? '');
  const ic = head.indexOf('code');
  const iname = head.indexOf('name');
  if (ic < 0 || iname < 0) throw new InputError(`${file}: the header must hold the columns code and name (found: ${head.join(',')}).`);
  const out: Array<[string, string]> = [];
  for (let l = 1; l < lines.length; l++) {
    if (lines[l].trim() === '') continue;
    const cells = split(lines[l]);
    const code = cells[ic] ?? '';
    const name = cells[iname] ?? '';
    if (!/^\d{6}$/.test(code)) throw new InputError(`${file}: row ${l + 1}, field code: '${code}' is not a six-digit GB/T 2260 code.`);
    if (name === '') throw new InputError(`${file}: row ${l + 1}, field name: empty city name.`);
    out.push([code, name]);
  }
  return out;
}

/** Built-in table extended (and overridden) by user entries. */
export function cityCodeTable(user: Iterable<readonly [string, string]> = []): CityCodes {
  const t = new CityCodes();
  for (const [c, n] of user) t.add(c, n);
  return t;
}
