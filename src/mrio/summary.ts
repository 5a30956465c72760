/** A plain-data summary of a table: dimensions, totals, balance and the largest sectors (for `gvc info`). */
import { rowSums } from '../linalg/index.js';
import { diagnose, type Diagnostics } from './diagnose.js';
import { dims, rowLabel, type MrioTable } from './table.js';

export interface TableSummary {
  source: string;
  year?: number;
  countries: number;
  sectors: number;
  fdCategories: string[];
  totals: { output: number; intermediate: number; finalDemand: number; valueAdded: number };
  diagnostics: Diagnostics;
  topSectors: Array<{ sector: string; output: number; share: number }>;
}

export function summarize(t: MrioTable, top = 10): TableSummary {
  const { G, N } = dims(t);
  const sum = (a: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i];
    return s;
  };
  const output = sum(t.x);
  const order = Array.from(t.x.keys()).sort((a, b) => t.x[b] - t.x[a]).slice(0, top);
  return {
    source: t.source ?? 'table',
    year: t.year,
    countries: G,
    sectors: N,
    fdCategories: t.fdCategories,
    totals: {
      output,
      intermediate: sum(rowSums(t.Z)),
      finalDemand: sum(rowSums(t.Y)),
      valueAdded: sum(t.va),
    },
    diagnostics: diagnose(t),
    topSectors: order.map((r) => ({ sector: rowLabel(t, r), output: t.x[r], share: output > 0 ? t.x[r] / output : 0 })),
  };
}

/** Human-readable text of a summary. */
export function formatSummary(s: TableSummary): string {
  const f = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
  const d = s.diagnostics;
  const labelWidth = Math.max(24, ...s.topSectors.map((t) => t.sector.length));
  const numWidth = Math.max(12, ...s.topSectors.map((t) => f(t.output).length));
  const lines = [
    `${s.source}${s.year !== undefined ? ` (${s.year})` : ''}`,
    `  countries x sectors   ${s.countries} x ${s.sectors} = ${s.countries * s.sectors}`,
    `  final demand          ${s.fdCategories.length} categories: ${s.fdCategories.join(', ')}`,
    `  gross output          ${f(s.totals.output)}`,
    `  intermediate use      ${f(s.totals.intermediate)}`,
    `  final demand          ${f(s.totals.finalDemand)}`,
    `  value added           ${f(s.totals.valueAdded)}`,
    `  row balance           max |x - Z1 - Y1| = ${f(d.rowBalance.maxAbs)} at ${d.rowBalance.at || '-'}; max relative ${d.rowBalance.maxRel.toExponential(2)} at ${d.rowBalance.atRel || '-'}`,
    `  column balance        max |x - 1'Z - va| = ${f(d.colBalance.maxAbs)} at ${d.colBalance.at || '-'}`,
    `  zero-output sectors   ${d.zeroOutput.length}${d.zeroOutput.length ? ': ' + d.zeroOutput.slice(0, 12).join(', ') + (d.zeroOutput.length > 12 ? ', ...' : '') : ''}`,
    `  negative output       ${d.negativeOutput.length}${d.negativeOutput.length ? ': ' + d.negativeOutput.slice(0, 12).join(', ') : ''}`,
    `  negative value added  ${d.negativeValueAdded.length}${d.negativeValueAdded.length ? ': ' + d.negativeValueAdded.slice(0, 12).join(', ') : ''}`,
    `  top sectors by output:`,
    ...s.topSectors.map((t) => `    ${t.sector.padEnd(labelWidth)} ${f(t.output).padStart(numWidth)}  ${pct(t.share).padStart(7)}`),
  ];
  return lines.join('\n');
}

