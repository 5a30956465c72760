/**
 * Renderers of a RegTable: plain text (aligned), Markdown, LaTeX (tabular, booktabs rules), HTML, CSV.
 */
import type { RegTable } from './build.js';
import { OptionError } from '../../errors.js';

export type RegFormat = 'text' | 'markdown' | 'latex' | 'html' | 'csv';

function ruleBefore(t: RegTable, i: number): boolean {
  const r = t.rows[i];
  const prev = t.rows[i - 1];
  return !!prev && r.kind !== prev.kind && !(prev.kind === 'coef' && r.kind === 'stat') && !(prev.kind === 'stat' && r.kind === 'coef') && !(prev.kind === 'fit' && r.kind === 'fit');
}

export function toText(t: RegTable): string {
  const grid = [['', ...t.titles], ...t.rows.map((r) => [r.label, ...r.cells])];
  const w = grid[0].map((_, j) => Math.max(...grid.map((row) => row[j].length)));
  const line = (row: string[]) => row.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ').trimEnd();
  const total = w.reduce((s, x) => s + x, 0) + 2 * (w.length - 1);
  const sep = '-'.repeat(total);
  const out = ['='.repeat(total), line(grid[0]), sep];
  t.rows.forEach((r, i) => {
    if (ruleBefore(t, i)) out.push(sep);
    out.push(line([r.label, ...r.cells]));
  });
  out.push('='.repeat(total), ...t.notes);
  return out.join('\n') + '\n';
}

export function toMarkdown(t: RegTable): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\*/g, '\\*');
  const out = [`| | ${t.titles.map(esc).join(' | ')} |`, `|:--|${t.titles.map(() => '--:').join('|')}|`];
  for (const r of t.rows) out.push(`| ${esc(r.label)} | ${r.cells.map(esc).join(' | ')} |`);
  out.push('', ...t.notes.map((n) => esc(n)));
  return out.join('\n') + '\n';
}

export function latexEscape(s: string): string {
  return s.replace(/[\\&%$#_{}~^]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`));
}

export function toLatex(t: RegTable): string {
  const cell = (s: string) => {
    const m = /^(.*?)(\*+)$/.exec(s);
    return m ? `${latexEscape(m[1])}$^{${m[2]}}$` : latexEscape(s);
  };
  const out = [`\\begin{tabular}{l${'c'.repeat(t.titles.length)}}`, '\\toprule', ` & ${t.titles.map(latexEscape).join(' & ')} \\\\`, '\\midrule'];
  t.rows.forEach((r, i) => {
    if (ruleBefore(t, i)) out.push('\\midrule');
    out.push(`${latexEscape(r.label)} & ${r.cells.map(cell).join(' & ')} \\\\`);
  });
  out.push('\\bottomrule', '\\end{tabular}');
  for (const n of t.notes) out.push(`% ${n}`);
  return out.join('\n') + '\n';
}

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

export function toHtml(t: RegTable): string {
  const out = ['<table class="regtable">', `<thead><tr><th></th>${t.titles.map((x) => `<th>${htmlEscape(x)}</th>`).join('')}</tr></thead>`, '<tbody>'];
  t.rows.forEach((r, i) => {
    const style = ruleBefore(t, i) ? ' style="border-top:1px solid"' : '';
    out.push(`<tr class="${r.kind}"${style}><td>${htmlEscape(r.label)}</td>${r.cells.map((c) => `<td>${htmlEscape(c)}</td>`).join('')}</tr>`);
  });
  out.push('</tbody>', `<tfoot>${t.notes.map((n) => `<tr><td colspan="${t.titles.length + 1}">${htmlEscape(n)}</td></tr>`).join('')}</tfoot>`, '</table>');
  return out.join('\n') + '\n';
}

export function toCsv(t: RegTable): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = [['', ...t.titles].map(q).join(',')];
  for (const r of t.rows) out.push([r.label, ...r.cells].map(q).join(','));
  return out.join('\n') + '\n';
}

/** Render in the given format. */
export function renderRegTable(t: RegTable, format: RegFormat = 'text'): string {
  switch (format) {
    case 'text':
      return toText(t);
    case 'markdown':
      return toMarkdown(t);
    case 'latex':
      return toLatex(t);
    case 'html':
      return toHtml(t);
    case 'csv':
      return toCsv(t);
    default:
      throw new OptionError(`unknown table format '${String(format)}' (text, markdown, latex, html, csv).`);
  }
}
