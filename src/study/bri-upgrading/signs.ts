/**
 * Sign comparison with the paper (spec 3.1), which prints no number: for each regressor the described effect
 * on the GVC position and the estimate here (Table 3 last column, Table 5 GVCL column), as sign plus
 * significance at 10%. "differs" marks a sign opposite to the paper's or a significant-vs-insignificant
 * mismatch where the paper asserts significance.
 */
import { fmt, stars, type PaperTable } from '../table.js';
import type { Fit } from './estimate.js';
import type { HausmanTest } from './hausman.js';
import type { Labeller } from './regtable.js';

/** The paper's described effect on GVC position: sign and whether it calls it significant. */
export const PAPER_SIGNS: Record<string, { sign: 1 | -1; significant: boolean; words: string }> = {
  Tariff: { sign: -1, significant: false, words: 'negative, small' },
  ln1p_Sofdi: { sign: 1, significant: true, words: 'positive, significant' },
  K: { sign: -1, significant: false, words: 'negative' },
  Hum: { sign: 1, significant: true, words: 'positive, significant in every column' },
  RD: { sign: 1, significant: false, words: 'positive but weak' },
  PGDP: { sign: 1, significant: true, words: 'positive and strong' },
};

export interface SignRow {
  term: string;
  paper: string;
  estimate: number;
  p: number;
  agrees: boolean;
}

export function compareSigns(fit: Fit): SignRow[] {
  return fit.slopes.map((term) => {
    const t = fit.terms.find((x) => x.term === term)!;
    const ref = PAPER_SIGNS[term];
    const sameSign = Math.sign(t.estimate) === ref.sign;
    const agrees = sameSign && (!ref.significant || t.p < 0.1);
    return { term, paper: ref.words, estimate: t.estimate, p: t.p, agrees };
  });
}

export function signsTable(main: Fit, no2009: Fit, hausman: HausmanTest | undefined, label: Labeller, notes: string[]): { table: PaperTable; rows: SignRow[] } {
  const a = compareSigns(main);
  const b = compareSigns(no2009);
  const rows = a.map((r, k) => ({
    label: label(r.term),
    cells: [r.paper, fmt(r.estimate, 5) + stars(r.p), r.agrees ? 'agrees' : 'differs', fmt(b[k].estimate, 5) + stars(b[k].p), b[k].agrees ? 'agrees' : 'differs'],
  }));
  if (hausman) rows.push({ label: 'Hausman (GVCL)', cells: ['rejects RE, p < 0.01', `chi2 ${fmt(hausman.chi2, 3)}, p ${Number.isFinite(hausman.p) ? fmt(hausman.p, 4) : "n/a"}`, hausman.p < 0.01 ? 'agrees' : 'differs', '', ''] });
  return {
    rows: a,
    table: {
      id: 'upgrading_tableS_signs',
      title: 'Table S Signs against the paper\'s description (GVC position; project addition)',
      header: ['Paper (words only)', 'Table 3 last column', 'vs paper', 'Table 5 (no 2009)', 'vs paper'],
      rows,
      notes: ['"agrees": same sign, and p < 0.1 where the paper calls the effect significant. The paper prints no coefficient, SE, N or R2.', ...notes],
    },
  };
}
