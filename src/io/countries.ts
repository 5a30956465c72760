/**
 * Country codes: ISO 3166-1 numeric <-> alpha-3, plus the codes by which CEPII BACI departs from ISO
 * (251 France, 381 Italy, 490 "Other Asia, nes" = Taiwan, 579 Norway, 699 India, 711 SACU/South Africa,
 * 757 Switzerland, 842 USA, 58 Belgium-Luxembourg, 530 Netherlands Antilles, 891 Serbia and Montenegro).
 * Written for gvc from the ISO 3166 list; used when a BACI release ships no country table (the sample file)
 * and to let users name countries by ISO3. A release's own country table, when present, takes precedence
 * (parseCountryTable).
 */
import { InputError } from '../errors.js';

/** ISO 3166-1 numeric code -> alpha-3. */
export const ISO_NUMERIC: Readonly<Record<number, string>> = {
  4: 'AFG', 8: 'ALB', 10: 'ATA', 12: 'DZA', 16: 'ASM', 20: 'AND', 24: 'AGO', 28: 'ATG', 31: 'AZE', 32: 'ARG',
  36: 'AUS', 40: 'AUT', 44: 'BHS', 48: 'BHR', 50: 'BGD', 51: 'ARM', 52: 'BRB', 56: 'BEL', 60: 'BMU', 64: 'BTN',
  68: 'BOL', 70: 'BIH', 72: 'BWA', 74: 'BVT', 76: 'BRA', 84: 'BLZ', 86: 'IOT', 90: 'SLB', 92: 'VGB', 96: 'BRN',
  100: 'BGR', 104: 'MMR', 108: 'BDI', 112: 'BLR', 116: 'KHM', 120: 'CMR', 124: 'CAN', 132: 'CPV', 136: 'CYM',
  140: 'CAF', 144: 'LKA', 148: 'TCD', 152: 'CHL', 156: 'CHN', 158: 'TWN', 162: 'CXR', 166: 'CCK', 170: 'COL',
  174: 'COM', 175: 'MYT', 178: 'COG', 180: 'COD', 184: 'COK', 188: 'CRI', 191: 'HRV', 192: 'CUB', 196: 'CYP',
  203: 'CZE', 204: 'BEN', 208: 'DNK', 212: 'DMA', 214: 'DOM', 218: 'ECU', 222: 'SLV', 226: 'GNQ', 231: 'ETH',
  232: 'ERI', 233: 'EST', 234: 'FRO', 238: 'FLK', 239: 'SGS', 242: 'FJI', 246: 'FIN', 248: 'ALA', 250: 'FRA',
  254: 'GUF', 258: 'PYF', 260: 'ATF', 262: 'DJI', 266: 'GAB', 268: 'GEO', 270: 'GMB', 275: 'PSE', 276: 'DEU',
  288: 'GHA', 292: 'GIB', 296: 'KIR', 300: 'GRC', 304: 'GRL', 308: 'GRD', 312: 'GLP', 316: 'GUM', 320: 'GTM',
  324: 'GIN', 328: 'GUY', 332: 'HTI', 334: 'HMD', 336: 'VAT', 340: 'HND', 344: 'HKG', 348: 'HUN', 352: 'ISL',
  356: 'IND', 360: 'IDN', 364: 'IRN', 368: 'IRQ', 372: 'IRL', 376: 'ISR', 380: 'ITA', 384: 'CIV', 388: 'JAM',
  392: 'JPN', 398: 'KAZ', 400: 'JOR', 404: 'KEN', 408: 'PRK', 410: 'KOR', 414: 'KWT', 417: 'KGZ', 418: 'LAO',
  422: 'LBN', 426: 'LSO', 428: 'LVA', 430: 'LBR', 434: 'LBY', 438: 'LIE', 440: 'LTU', 442: 'LUX', 446: 'MAC',
  450: 'MDG', 454: 'MWI', 458: 'MYS', 462: 'MDV', 466: 'MLI', 470: 'MLT', 474: 'MTQ', 478: 'MRT', 480: 'MUS',
  484: 'MEX', 492: 'MCO', 496: 'MNG', 498: 'MDA', 499: 'MNE', 500: 'MSR', 504: 'MAR', 508: 'MOZ', 512: 'OMN',
  516: 'NAM', 520: 'NRU', 524: 'NPL', 528: 'NLD', 531: 'CUW', 533: 'ABW', 534: 'SXM', 535: 'BES', 540: 'NCL',
  548: 'VUT', 554: 'NZL', 558: 'NIC', 562: 'NER', 566: 'NGA', 570: 'NIU', 574: 'NFK', 578: 'NOR', 580: 'MNP',
  581: 'UMI', 583: 'FSM', 584: 'MHL', 585: 'PLW', 586: 'PAK', 591: 'PAN', 598: 'PNG', 600: 'PRY', 604: 'PER',
  608: 'PHL', 612: 'PCN', 616: 'POL', 620: 'PRT', 624: 'GNB', 626: 'TLS', 630: 'PRI', 634: 'QAT', 638: 'REU',
  642: 'ROU', 643: 'RUS', 646: 'RWA', 652: 'BLM', 654: 'SHN', 659: 'KNA', 660: 'AIA', 662: 'LCA', 663: 'MAF',
  666: 'SPM', 670: 'VCT', 674: 'SMR', 678: 'STP', 682: 'SAU', 686: 'SEN', 688: 'SRB', 690: 'SYC', 694: 'SLE',
  702: 'SGP', 703: 'SVK', 704: 'VNM', 705: 'SVN', 706: 'SOM', 710: 'ZAF', 716: 'ZWE', 724: 'ESP', 728: 'SSD',
  729: 'SDN', 732: 'ESH', 740: 'SUR', 744: 'SJM', 748: 'SWZ', 752: 'SWE', 756: 'CHE', 760: 'SYR', 762: 'TJK',
  764: 'THA', 768: 'TGO', 772: 'TKL', 776: 'TON', 780: 'TTO', 784: 'ARE', 788: 'TUN', 792: 'TUR', 795: 'TKM',
  796: 'TCA', 798: 'TUV', 800: 'UGA', 804: 'UKR', 807: 'MKD', 818: 'EGY', 826: 'GBR', 831: 'GGY', 832: 'JEY',
  833: 'IMN', 834: 'TZA', 840: 'USA', 850: 'VIR', 854: 'BFA', 858: 'URY', 860: 'UZB', 862: 'VEN', 876: 'WLF',
  882: 'WSM', 887: 'YEM', 894: 'ZMB',
};

/** BACI codes that are not ISO numeric codes, with the alpha-3 code they stand for. */
export const BACI_EXCEPTIONS: Readonly<Record<number, string>> = {
  58: 'BLX', 251: 'FRA', 381: 'ITA', 490: 'S19', 530: 'ANT', 579: 'NOR', 699: 'IND', 711: 'ZAF', 736: 'SDN',
  757: 'CHE', 842: 'USA', 891: 'SCG',
};

/** Alpha-3 aliases: Taiwan appears in BACI as "Other Asia, nes" (S19); WIOD spells Romania ROM. */
const ALPHA_ALIASES: Readonly<Record<string, string>> = { TWN: 'S19', ROM: 'ROU' };

/** A code table: numeric code -> alpha-3 and alpha-3 -> every numeric code that stands for it. */
export interface CountryTable {
  toIso3: Map<number, string>;
  toCodes: Map<string, number[]>;
}

function makeTable(pairs: Iterable<[number, string]>): CountryTable {
  const toIso3 = new Map<number, string>();
  const toCodes = new Map<string, number[]>();
  for (const [code, iso] of pairs) {
    toIso3.set(code, iso);
    const list = toCodes.get(iso) ?? [];
    if (!list.includes(code)) list.push(code);
    toCodes.set(iso, list);
  }
  return { toIso3, toCodes };
}

/** The built-in table: ISO 3166 numeric codes plus the BACI exceptions. */
export function builtinCountryTable(): CountryTable {
  const pairs: Array<[number, string]> = [];
  for (const [k, v] of Object.entries(ISO_NUMERIC)) pairs.push([Number(k), v]);
  for (const [k, v] of Object.entries(BACI_EXCEPTIONS)) pairs.push([Number(k), v]);
  return makeTable(pairs);
}

/**
 * Parse a BACI country table (`country_code,country_name,country_iso2,country_iso3` or the older
 * `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha`).
 */
export function parseCountryTable(text: string, source = 'country table'): CountryTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').trim());
  const head = split(lines[0]).map((h) => h.toLowerCase());
  const ci = head.indexOf('country_code');
  let ii = head.indexOf('country_iso3');
  if (ii < 0) ii = head.indexOf('iso_3digit_alpha');
  if (ci < 0 || ii < 0) throw new InputError(`${source}: header has no country_code and country_iso3 (or iso_3digit_alpha) columns.`);
  const pairs: Array<[number, string]> = [];
  for (let r = 1; r < lines.length; r++) {
    const f = split(lines[r]);
    const code = Number(f[ci]);
    if (!Number.isInteger(code)) throw new InputError(`${source}: row ${r + 1}, field "country_code" is not an integer ("${f[ci]}").`);
    const iso = (f[ii] ?? '').toUpperCase();
    pairs.push([code, iso === '' || iso === 'NA' ? String(code) : iso]);
  }
  return makeTable(pairs);
}

/** Alpha-3 of a numeric code (the code itself as text when unknown). */
export function iso3Of(table: CountryTable, code: number): string {
  return table.toIso3.get(code) ?? String(code);
}

/** The numeric codes a user's country name stands for: an alpha-3 code (aliases allowed) or a number. */
export function codesOf(table: CountryTable, name: string): number[] {
  const t = name.trim();
  if (/^\d+$/.test(t)) return [Number(t)];
  const up = t.toUpperCase();
  const out = new Set<number>(table.toCodes.get(up) ?? []);
  const alias = ALPHA_ALIASES[up];
  if (alias) for (const c of table.toCodes.get(alias) ?? []) out.add(c);
  if (out.size === 0) throw new InputError(`unknown country "${name}": not an ISO3 code of the country table and not a numeric code.`);
  return [...out];
}

/** Canonical label of a user's country name: the alpha-3 code of its first numeric code. */
export function canonicalName(table: CountryTable, name: string): string {
  return iso3Of(table, codesOf(table, name)[0]);
}
