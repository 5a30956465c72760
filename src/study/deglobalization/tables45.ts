/**
 * Tables 4 and 5 of the deglobalization study (spec 3, 4). Table 4 on the MRIO: world export-market shares
 * (percent, relative to the world total including RoW) and HHI = 100 sum s_c^2 over the named countries
 * (RoW excluded: a lower bound; option row_unit adds RoW as one exporter) of the industry products (c2-c17),
 * for intermediate and final exports. Table 5: the paper's USA-China sector ratios, static.
 */
import { fmt, type PaperTable, type TableRow } from '../table.js';
import type { DeglobConfig } from './config.js';
import type { YearMeasures } from './measures.js';

export function table4(measures: readonly YearMeasures[], cfg: DeglobConfig): PaperTable | undefined {
  const ms = measures.filter((m) => m.hhi && cfg.table4Years.includes(m.year));
  if (!ms.length) return undefined;
  const rows: TableRow[] = [];
  for (const kind of ['intermediate', 'final'] as const) {
    const pick = (m: YearMeasures) => (cfg.rowUnit ? m.hhi!.rowUnit : m.hhi!.base);
    const share = (m: YearMeasures, c: string) => {
      const h = pick(m);
      const i = h.countries.indexOf(c);
      if (i < 0) return NaN;
      return kind === 'intermediate' ? h.intermediateShare[i] : h.finalShare[i];
    };
    rows.push({ label: kind === 'intermediate' ? 'Intermediate inputs: global HHI' : 'Industrial final goods: global HHI', cells: ms.map((m) => fmt(kind === 'intermediate' ? pick(m).intermediateHhi : pick(m).finalHhi, 2)), rule: kind === 'final' });
    for (const c of ['CHN', 'IND', 'MEX']) rows.push({ label: `  ${c}`, cells: ms.map((m) => fmt(share(m, c), 2)) });
    rows.push({ label: '  Vietnam', cells: ms.map(() => 'n/a (in RoW)') });
    rows.push({ label: `  Other emerging (${cfg.emerging.join(' ')})`, cells: ms.map((m) => fmt(cfg.emerging.reduce((s, c) => s + (Number.isFinite(share(m, c)) ? share(m, c) : 0), 0), 2)) });
  }
  return {
    id: 'deglob_table4',
    title: 'Table 4. World export-market shares and HHI of industrial products (percent, MRIO)',
    header: ms.map((m) => String(m.year)),
    rows,
    notes: [
      'Products: WIOD sectors c2-c17 (mining, manufacturing, utilities). Intermediate exports of c: its scope rows in other countries\' Z columns; final exports: the same for final demand.',
      `Shares relative to the world total including RoW. HHI = 100 x sum of squared shares over ${cfg.rowUnit ? 'the 40 countries and RoW as one exporter' : 'the 40 named countries (RoW excluded: a lower bound)'}.`,
      'Vietnam is not a WIOD 2013 country; the paper\'s "other emerging" row is unspecified, here the listed WIOD countries (configurable: emerging=...).',
    ],
  };
}

export function table5(): PaperTable {
  const data: Array<[string, string[]]> = [
    ['Food', ['3.21', '2.27', '27.55', '16.98', '0.0707', '0.1128']],
    ['Printing and recorded media', ['1.79', '1.51', '31.40', '16.64', '0.0421', '0.0643']],
    ['Furniture', ['1.71', '1.60', '60.85', '20.93', '0.0212', '0.0149']],
    ['Textiles, apparel, footwear, hats', ['1.52', '1.22', '104.87', '26.70', '0.0179', '0.0098']],
  ];
  return {
    id: 'deglob_table5',
    title: 'Table 5. USA vs China, 2014: labour, energy and tax ratios of four labour-intensive sectors (paper values)',
    header: ['Labour US', 'Labour CN', 'Energy US', 'Energy CN', 'Tax US', 'Tax CN'],
    rows: data.map(([label, cells]) => ({ label, cells })),
    notes: [
      'Static reproduction of the paper\'s table. Labour ratio = VA / labour cost; energy ratio = VA / energy cost; tax ratio = taxes / VA (China incl. export-rebate effects).',
      'Higher labour and energy ratios and a lower tax ratio mean more competitive. The WIOD energy-ratio analogue is not computed in this run; labour and tax ratios need data outside the MRIO.',
    ],
  };
}
