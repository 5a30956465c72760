/**
 * Figure asean_fig1_esi_paths (spec 4, an addition: the study has no figures): ESI_it against year over all
 * study years, one line per country, China highlighted; a second panel shows ESI vs each reference
 * separately (solid: first reference, dashed: second) for China and the country average.
 */
import { PALETTE, lineChart, type ChartSeries } from '../../report/chart/svg.js';
import type { Figure } from '../types.js';
import { countryName, type AseanConfig } from './config.js';
import type { PanelRow } from './panel.js';

const fmt = (v: number | null) => (v === null ? '' : String(v));

export function esiPathsFigure(rows: readonly PanelRow[], cfg: AseanConfig): Figure {
  let colour = 0;
  const series: ChartSeries[] = cfg.exporters.map((iso3) => {
    const china = iso3 === 'CHN';
    const k = china ? 0 : colour++;
    return {
      name: countryName(iso3),
      points: cfg.years.map((y) => [y, rows.find((r) => r.iso3 === iso3 && r.year === y)?.esi ?? null] as const),
      color: china ? '#000000' : PALETTE[k % (PALETTE.length - 1)],
      dash: !china && k >= PALETTE.length - 1 ? '6 3' : undefined,
      width: china ? 3.5 : 1.5,
      markers: true,
    };
  });
  const svg1 = lineChart({
    title: 'ESI with the high-end exporters, by country',
    x: { label: 'Year', min: cfg.years[0], max: cfg.years[cfg.years.length - 1], format: (v) => String(Math.round(v)) },
    y: { label: `ESI (mean vs ${cfg.references.join(', ')}), [0,1]`, min: 0 },
    series,
    idPrefix: 'asean-fig1a',
  });
  const mean = (vals: Array<number | null>) => {
    const ok = vals.filter((v): v is number => v !== null);
    return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
  };
  const byRef: ChartSeries[] = [];
  const refCols: Array<['esi_usa' | 'esi_deu', string]> = [['esi_usa', cfg.references[0]], ['esi_deu', cfg.references[1] ?? cfg.references[0]]];
  for (const [col, ref] of refCols) {
    const dash = col === 'esi_deu' ? '6 3' : undefined;
    byRef.push({
      name: `China vs ${ref}`,
      points: cfg.years.map((y) => [y, rows.find((r) => r.iso3 === 'CHN' && r.year === y)?.[col] ?? null] as const),
      color: '#000000', width: 2.5, dash,
    });
    byRef.push({
      name: `ASEAN mean vs ${ref}`,
      points: cfg.years.map((y) => [y, mean(rows.filter((r) => r.iso3 !== 'CHN' && r.year === y).map((r) => r[col]))] as const),
      color: PALETTE[0], width: 2, dash,
    });
  }
  const svg2 = lineChart({
    title: 'ESI by reference exporter',
    x: { label: 'Year', min: cfg.years[0], max: cfg.years[cfg.years.length - 1], format: (v) => String(Math.round(v)) },
    y: { label: 'ESI, [0,1]', min: 0 },
    series: byRef,
    idPrefix: 'asean-fig1b',
  });
  const csv = ['iso3,country,year,esi,esi_usa,esi_deu'];
  for (const r of rows) csv.push([r.iso3, r.country, r.year, fmt(r.esi), fmt(r.esi_usa), fmt(r.esi_deu)].join(','));
  return {
    id: 'asean_fig1_esi_paths',
    title: 'Figure 1 (addition). ESI paths of China and ASEAN members, 2002-2021',
    panels: [
      { name: 'by_country', svg: svg1 },
      { name: 'by_reference', svg: svg2 },
    ],
    csv: csv.join('\n') + '\n',
    caption: 'Not in the study. ESI = mean of the similarities with the two reference exporters (HS6, world market); China in bold black.',
  };
}
