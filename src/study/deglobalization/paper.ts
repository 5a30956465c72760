/**
 * The paper's headline numbers (Qu and Yang 2023, Tables 1-3; spec 2.5) as static tables for the report,
 * printed next to this run's tables. Coefficients with stars, t statistics in parentheses.
 */
import type { PaperTable } from '../table.js';

const SOURCE = 'Source: Qu and Yang (2023), China Economist 18(1); 21 economies, 2000-2015, UNCTAD-Eora / OECD / World Bank data (spec 2.5).';

export function paperTable1(): PaperTable {
  return {
    id: 'deglob_paper_table1',
    title: 'Paper, Table 1 (for comparison): two-way FE, N and R2 definition not printed',
    header: ['Eq. (16)', 'Eq. (17)', 'Eq. (18), 2-year diff.', 'Eq. (18), 4-year diff.'],
    rows: [
      { label: 'omega', cells: ['-0.5244***', '-0.4242***', '-0.3522***', '-0.4005***'] },
      { label: '', cells: ['(-5.8965)', '(-4.8864)', '(-4.3508)', '(-4.0974)'] },
      { label: 'mu', cells: ['-0.5025***', '-0.4566***', '-0.7346***', '-0.5110***'] },
      { label: '', cells: ['(-3.1737)', '(-2.9761)', '(-4.6728)', '(-3.0708)'] },
      { label: 'v', cells: ['-0.7903**', '-0.5745*', '-0.0191', '-0.1457'] },
      { label: '', cells: ['(-2.4970)', '(-1.8673)', '(-0.0713)', '(-0.4704)'] },
      { label: 'gr', cells: ['-0.6836**', '-0.6949**', '-0.4477***', '-0.4142*'] },
      { label: '', cells: ['(-2.3412)', '(-2.4767)', '(-2.6204)', '(-1.8292)'] },
      { label: 'Controls', cells: ['No', 'Yes (ln gdpp, ln pop)', 'No', 'No'], rule: true },
      { label: 'R2', cells: ['0.7516', '0.7761', '0.4699', '0.5783'] },
    ],
    notes: [SOURCE, 'The paper says all variables were standardised, yet its thresholds are in raw omega units.'],
  };
}

export function paperTable2(): PaperTable {
  return {
    id: 'deglob_paper_table2',
    title: 'Paper, Table 2 (for comparison): threshold tests, threshold variable omega, 500 bootstrap replications',
    header: ['Threshold', '95% interval', 'Bootstrap p'],
    rows: [
      { label: 'mu (eq. 19)', cells: ['', '', ''] },
      { label: '  single', cells: ['0.3454', '[0.3386, 0.3462]', '0.0340**'] },
      { label: '  double', cells: ['0.6688', '[0.6537, 0.6753]', '0.2180'] },
      { label: '  triple', cells: ['0.1761', '[0.1421, 0.1771]', '0.6880'] },
      { label: 'v (eq. 20)', cells: ['', '', ''], rule: true },
      { label: '  single', cells: ['0.3785', '[0.3707, 0.3806]', '0.0700*'] },
      { label: '  double', cells: ['0.2750', '[0.2723, 0.2848]', '0.5280'] },
      { label: '  triple', cells: ['0.5484', '[0.5374, 0.5492]', '0.4660'] },
    ],
    notes: [SOURCE],
  };
}

export function paperTable3(): PaperTable {
  return {
    id: 'deglob_paper_table3',
    title: 'Paper, Table 3 (for comparison): single-threshold models',
    header: ['Eq. (19): mu regimes', 'Eq. (20): v regimes'],
    rows: [
      { label: 'omega', cells: ['-0.8019***', '-0.7886***'] },
      { label: '', cells: ['(-8.0347)', '(-7.6640)'] },
      { label: 'mu', cells: ['', '-0.7731***'] },
      { label: '', cells: ['', '(-4.7997)'] },
      { label: 'mu x 1(omega <= gamma)', cells: ['-0.5041***', ''] },
      { label: '', cells: ['(-2.9995)', ''] },
      { label: 'mu x 1(omega > gamma)', cells: ['-0.7116***', ''] },
      { label: '', cells: ['(-4.4573)', ''] },
      { label: 'v', cells: ['-1.7366***', ''] },
      { label: '', cells: ['(-6.4440)', ''] },
      { label: 'v x 1(omega <= gamma)', cells: ['', '-1.4910***'] },
      { label: '', cells: ['', '(-5.2523)'] },
      { label: 'v x 1(omega > gamma)', cells: ['', '-1.7364***'] },
      { label: '', cells: ['', '(-6.3457)'] },
      { label: 'gr', cells: ['-0.8318**', '-0.8063**'] },
      { label: '', cells: ['(-2.5308)', '(-2.4190)'] },
      { label: 'gamma (omega threshold)', cells: ['0.3454', '0.3785'], rule: true },
      { label: 'R2', cells: ['0.6269', '0.6165'] },
    ],
    notes: [SOURCE],
  };
}
