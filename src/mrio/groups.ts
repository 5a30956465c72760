/**
 * Named groups of countries and sectors used by the studies, as plain data.
 * Country codes are ISO3 as used by WIOD 2013 (Romania is ROM there; ROU is accepted as an alias).
 * Sources: China's official BRI cooperation-document list (2023) restricted to WIOD countries, as in
 * specs/bri-symbiosis.md section 6; ASEAN membership; OECD membership (38 members); EU-27 (2020);
 * IMF advanced economies; OECD technology-intensity classes of ISIC rev.3 manufacturing (Hatzichronoglou 1997)
 * for the WIOD 2013 sectors c3..c16.
 */
export const COUNTRY_ALIASES: Record<string, string> = { ROU: 'ROM' };

export const COUNTRY_GROUPS: Record<string, readonly string[]> = {
  /** WIOD countries that signed a BRI cooperation document with China (official list, 2023). */
  BRI: ['AUT', 'BGR', 'CYP', 'CZE', 'EST', 'GRC', 'HUN', 'IDN', 'ITA', 'KOR', 'LTU', 'LUX', 'LVA', 'MLT', 'POL', 'PRT', 'ROM', 'RUS', 'SVK', 'SVN', 'TUR'],
  ASEAN: ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM'],
  OECD: [
    'AUS', 'AUT', 'BEL', 'CAN', 'CHL', 'COL', 'CRI', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ISL', 'IRL', 'ISR', 'ITA',
    'JPN', 'KOR', 'LVA', 'LTU', 'LUX', 'MEX', 'NLD', 'NZL', 'NOR', 'POL', 'PRT', 'SVK', 'SVN', 'ESP', 'SWE', 'CHE', 'TUR', 'GBR', 'USA',
  ],
  EU27: [
    'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT',
    'NLD', 'POL', 'PRT', 'ROM', 'SVK', 'SVN', 'ESP', 'SWE',
  ],
  /** IMF advanced economies among WIOD countries. */
  ADVANCED: [
    'AUS', 'AUT', 'BEL', 'CAN', 'CYP', 'CZE', 'DEU', 'DNK', 'ESP', 'EST', 'FIN', 'FRA', 'GBR', 'GRC', 'IRL', 'ITA', 'JPN', 'KOR', 'LTU',
    'LUX', 'LVA', 'MLT', 'NLD', 'PRT', 'SVK', 'SVN', 'SWE', 'TWN', 'USA',
  ],
};

/** OECD technology classes of the WIOD 2013 manufacturing sectors (c3..c16). */
export const WIOD_TECH_CLASS: Record<string, 'high' | 'medium-high' | 'medium-low' | 'low'> = {
  c3: 'low', // food, beverages, tobacco
  c4: 'low', // textiles
  c5: 'low', // leather, footwear
  c6: 'low', // wood
  c7: 'low', // pulp, paper, printing
  c8: 'medium-low', // coke, refined petroleum
  c9: 'medium-high', // chemicals
  c10: 'medium-low', // rubber, plastics
  c11: 'medium-low', // other non-metallic minerals
  c12: 'medium-low', // basic metals, fabricated metal
  c13: 'medium-high', // machinery n.e.c.
  c14: 'high', // electrical and optical equipment
  c15: 'medium-high', // transport equipment
  c16: 'low', // manufacturing n.e.c., recycling
};

/** Members of a named group, or the comma-separated list itself (e.g. "CHN,USA"); aliases resolved. */
export function resolveCountries(spec: string): string[] {
  const out: string[] = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const g = COUNTRY_GROUPS[part.toUpperCase()];
    for (const c of g ?? [part.toUpperCase()]) {
      const code = COUNTRY_ALIASES[c] ?? c;
      if (!out.includes(code)) out.push(code);
    }
  }
  return out;
}

/** A country mapping that keeps the listed countries and merges every other one into `rest`. */
export function groupMapping(countries: string[], keep: string[], rest = 'ROW'): Map<string, string> {
  const k = new Set(keep);
  return new Map(countries.map((c) => [c, k.has(c) ? c : rest]));
}
