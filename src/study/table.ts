/**
 * Paper-style tables of the study runner: one model (a grid of display strings plus the tidy estimates
 * behind it) rendered as Markdown, LaTeX, HTML and CSV. Deterministic: no timestamps, fixed number formats.
 *
 * A regression table's tidy CSV has the columns table, column, term, estimate, se, t, p, n, r2 (every
 * coefficient, controls included); a table may rename the r2 column (`tidyR2`, e.g. r2_within) and append
 * further numeric columns (`tidyExtra`, read from each row's `extra`). A table without estimates
 * (descriptives, VIF) writes its grid as CSV.
 */

export interface TableRow {
  label: string;
  cells: string[];
  /** 'rule' draws a separator before the row. */
  rule?: boolean;
}

export interface TidyRow {
  /** The table column of the CSV (default: the id of the table that holds the row). */
  table?: string;
  column: string;
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  n: number;
  r2: number;
  /** Values of the table's `tidyExtra` columns, by name (missing: empty cell). */
  extra?: Record<string, number>;
}

export interface PaperTable {
  /** File stem, e.g. symbiosis_table1_baseline. */
  id: string;
  title: string;
  /** Column headers, e.g. ['(1)', '(2)']. */
  header: string[];
  /** Header of the row-label column (default empty), e.g. 'variable' or 'country'. */
  stub?: string;
  /** Optional second header row (dependent variable of each column). */
  subheader?: string[];
  rows: TableRow[];
  notes: string[];
  /** Regression estimates behind the grid (absent for descriptive tables). */
  tidy?: TidyRow[];
  /** Name of the tidy CSV's R2 column (default r2). */
  tidyR2?: string;
  /** Extra tidy CSV columns after the R2 column, filled from TidyRow.extra. */
  tidyExtra?: string[];
}

/** Fixed-precision number for tidy outputs: 12 significant digits, '' for NaN. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0';
  return String(Number(x.toPrecision(12)));
}

/** Stars for a two-sided p-value: *** p<0.01, ** p<0.05, * p<0.1. */
export function stars(p: number): string {
  return p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '';
}

export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return '';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: PaperTable): string {
  if (t.tidy) {
    const extra = t.tidyExtra ?? [];
    const lines = [['table', 'column', 'term', 'estimate', 'se', 't', 'p', 'n', t.tidyR2 ?? 'r2', ...extra].map(csvField).join(',')];
    for (const r of t.tidy) {
      const more = extra.map((k) => num(r.extra?.[k] ?? NaN));
      lines.push([r.table ?? t.id, r.column, r.term, num(r.estimate), num(r.se), num(r.t), num(r.p), num(r.n), num(r.r2), ...more].map(csvField).join(','));
    }
    return lines.join('\n') + '\n';
  }
  const lines = [[t.stub ?? '', ...t.header].map(csvField).join(',')];
  if (t.subheader) lines.push(['', ...t.subheader].map(csvField).join(','));
  for (const r of t.rows) lines.push([r.label, ...r.cells].map(csvField).join(','));
  return lines.join('\n') + '\n';
}

export function toMarkdown(t: PaperTable): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [`**${esc(t.title)}**`, ''];
  out.push(`| ${[t.stub ?? '', ...t.header].map(esc).join(' | ')} |`);
  out.push(`|${['', ...t.header].map((_, k) => (k === 0 ? ':---' : '---:')).join('|')}|`);
  if (t.subheader) out.push(`| ${['', ...t.subheader].map(esc).join(' | ')} |`);
  for (const r of t.rows) out.push(`| ${[r.label, ...r.cells].map(esc).join(' | ')} |`);
  out.push('');
  for (const n of t.notes) out.push(`${esc(n)}  `);
  return out.join('\n') + '\n';
}

const TEX: Record<string, string> = { '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\^{}' };

export function texEscape(s: string): string {
  return s.replace(/[\\&%$#_{}~^]/g, (c) => TEX[c]).replace(/\*+/g, (m) => `$^{${m}}$`);
}

export function toLatex(t: PaperTable): string {
  const nc = t.header.length;
  const out = [
    '\\begin{table}[htbp]\\centering',
    `\\caption{${texEscape(t.title)}}`,
    `\\begin{tabular}{l${'c'.repeat(nc)}}`,
    '\\hline\\hline',
    [t.stub ?? '', ...t.header].map(texEscape).join(' & ') + ' \\\\',
  ];
  if (t.subheader) out.push(['', ...t.subheader].map(texEscape).join(' & ') + ' \\\\');
  out.push('\\hline');
  for (const r of t.rows) {
    if (r.rule) out.push('\\hline');
    out.push([r.label, ...r.cells].map(texEscape).join(' & ') + ' \\\\');
  }
  out.push('\\hline\\hline', '\\end{tabular}');
  for (const n of t.notes) out.push(`\\par\\footnotesize ${texEscape(n)}`);
  out.push('\\end{table}');
  return out.join('\n') + '\n';
}

export function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An HTML fragment (<table> with caption and notes), usable standalone or inside the report. */
export function toHtml(t: PaperTable): string {
  const th = (cells: string[]) => `<tr>${cells.map((c, k) => (k === 0 ? `<th class="l">${htmlEscape(c)}</th>` : `<th>${htmlEscape(c)}</th>`)).join('')}</tr>`;
  const out = [`<table class="paper" id="${htmlEscape(t.id)}">`, `<caption>${htmlEscape(t.title)}</caption>`, '<thead>', th([t.stub ?? '', ...t.header])];
  if (t.subheader) out.push(th(['', ...t.subheader]));
  out.push('</thead>', '<tbody>');
  for (const r of t.rows) {
    const cls = r.rule ? ' class="rule"' : '';
    out.push(`<tr${cls}><td class="l">${htmlEscape(r.label)}</td>${r.cells.map((c) => `<td>${htmlEscape(c)}</td>`).join('')}</tr>`);
  }
  out.push('</tbody>', '</table>');
  if (t.notes.length) out.push(`<p class="notes">${t.notes.map(htmlEscape).join('<br>')}</p>`);
  return out.join('\n') + '\n';
}

/** A standalone HTML page of one table. */
export function toHtmlPage(t: PaperTable): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${htmlEscape(t.title)}</title></head><body>\n${toHtml(t)}</body></html>\n`;
}
