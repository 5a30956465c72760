/** The city-transfer run as the runner's StudyResult (panel, estimates, tables, figures, provenance) for report.html. */
import type { StudyResult } from '../types.js';
import { estimateEntries } from './models.js';
import { PANEL_COLUMNS } from './panel.js';
import type { CityRunOptions, CityRunResult } from './run.js';

export const CITY_TITLE = 'HSR and information connectivity and inter-city industrial transfer (city MRIO)';

export function cityStudyResult(r: CityRunResult, o: Pick<CityRunOptions, 'synthetic' | 'data'>): StudyResult {
    const entries = estimateEntries(r.fits);
    return {
      title: CITY_TITLE,
      panel: { name: 'city_pairs_panel', columns: PANEL_COLUMNS, frame: r.panel.df },
      estimates: r.fits.map((f) => ({
        id: `city_${f.table}_${f.sample}_${f.column}`,
        table: f.table,
        column: String(f.column),
        result: { sample: f.sample, dependent: f.dependent, terms: entries.filter((e) => e.table === f.table && e.column === f.column && e.sample === f.sample) },
      })),
      tables: r.tables,
      figures: r.figures.map((f) => ({ id: f.id, title: f.id, panels: [{ name: 'main', svg: f.svg }], csv: f.csv })),
      provenance: {
        identities: Object.fromEntries(r.transfer.years.flatMap((y) => [
          [`leontief_residual_${y.year}`, y.leontiefResidual],
          [`output_residual_${y.year}`, y.outputResidual],
          [`row_balance_${y.year}`, y.check.rowBalance.rel],
        ])),
        dropped: { cities_gaps: r.vars.dropped.length },
        notes: [
          o.synthetic ? `synthetic ${o.synthetic.profile} (${o.synthetic.effects}, seed ${o.synthetic.seed}, noise ${o.synthetic.noise}); max |IT − z| = ${r.maxItMinusZ}` : `data: ${o.data}`,
          `SE rescaled to reghdfe K = k + 2 (estimate.ts).`,
        ],
      },
    };
}
