/**
 * One self-contained report.html per study run: figures (inline SVG), every table, and provenance
 * (input files with sha256, gvc and Node versions, run time, accounting-identity residuals, dropped
 * observations by reason, notes). No external resources, no scripts.
 */
import { htmlEscape, toHtml } from './table.js';
import type { StudyResult } from './types.js';

export interface RunInfo {
  study: string;
  startedAt: string;
  seconds: number;
  gvcVersion: string;
  nodeVersion: string;
  inputs: Array<{ path: string; bytes: number; sha256: string }>;
  command: string;
  notes: string[];
}

const CSS = `
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:24px auto;max-width:1200px;color:#222;line-height:1.4}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:2em}
table.paper{border-collapse:collapse;margin:12px 0;font-size:0.85em}
table.paper caption{font-weight:bold;text-align:left;padding:4px 0}
table.paper th,table.paper td{padding:2px 10px;text-align:center;white-space:nowrap}
table.paper thead tr:first-child th{border-top:2px solid #222}
table.paper thead tr:last-child th{border-bottom:1px solid #222}
table.paper tbody tr:last-child td{border-bottom:2px solid #222}
table.paper tr.rule td{border-top:1px solid #999}
table.paper .l{text-align:left}
p.notes{font-size:0.8em;color:#444;margin-top:0}
.figure{margin:16px 0}.panels{display:flex;flex-wrap:wrap;gap:8px}.panels svg{width:380px;height:auto;border:1px solid #eee}
table.prov{border-collapse:collapse;font-size:0.8em}table.prov td,table.prov th{border:1px solid #ddd;padding:2px 6px;text-align:left}
code{font-size:0.9em}
`;

function provenance(result: StudyResult, info: RunInfo): string {
  const rows = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `<tr><th>${htmlEscape(k)}</th><td>${htmlEscape(v)}</td></tr>`).join('\n');
  const inputs = info.inputs.map((f) => `<tr><td><code>${htmlEscape(f.path)}</code></td><td>${f.bytes}</td><td><code>${f.sha256}</code></td></tr>`).join('\n');
  const idents = Object.entries(result.provenance.identities).map(([k, v]) => [k, v.toExponential(3)] as [string, string]);
  const largest = Object.entries(result.provenance.identities).filter(([k]) => !k.startsWith('row gap') && !k.startsWith('negative'));
  const dropped = Object.entries(result.provenance.dropped).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, String(v)] as [string, string]);
  const total = Object.values(result.provenance.dropped).reduce((s, v) => s + v, 0);
  return [
    '<h2 id="provenance">Provenance</h2>',
    '<table class="prov">',
    rows([
      ['command', info.command],
      ['gvc version', info.gvcVersion],
      ['Node version', info.nodeVersion],
      ['run started (UTC)', info.startedAt],
      ['run time (s)', info.seconds.toFixed(1)],
      ['largest accounting-identity residual', largest.length ? `${Math.max(...largest.map(([, v]) => v)).toExponential(3)}` : 'n/a'],
    ]),
    '</table>',
    '<h3>Input files</h3>',
    `<table class="prov"><tr><th>file</th><th>bytes</th><th>sha256</th></tr>\n${inputs}</table>`,
    '<h3>Accounting identities (largest residual over all years)</h3>',
    `<table class="prov">${rows(idents)}</table>`,
    `<h3>Observations outside the main sample (${total}), by first failing variable and reason</h3>`,
    `<table class="prov">${rows(dropped)}</table>`,
    '<h3>Notes</h3>',
    `<ul>${[...result.provenance.notes, ...info.notes].map((n) => `<li>${htmlEscape(n)}</li>`).join('\n')}</ul>`,
  ].join('\n');
}

export function renderReport(result: StudyResult, info: RunInfo): string {
  const figures = result.figures.map((f) => [
    `<div class="figure" id="${htmlEscape(f.id)}">`,
    `<h3>${htmlEscape(f.title)}</h3>`,
    `<div class="panels">${f.panels.map((p) => p.svg).join('\n')}</div>`,
    f.caption ? `<p class="notes">${htmlEscape(f.caption)}</p>` : '',
    '</div>',
  ].join('\n'));
  const toc = result.tables.map((t) => `<li><a href="#${htmlEscape(t.id)}">${htmlEscape(t.title)}</a></li>`).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${htmlEscape(result.title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${htmlEscape(result.title)}</h1>`,
    `<p>Study <code>${htmlEscape(info.study)}</code>. Panel: ${result.panel.frame.nrow} rows (<code>${htmlEscape(result.panel.name)}.csv</code>). <a href="#provenance">Provenance</a>.</p>`,
    `<h2>Tables</h2><ul>${toc}</ul>`,
    '<h2>Figures</h2>',
    ...figures,
    '<h2>Tables</h2>',
    ...result.tables.map((t) => toHtml(t)),
    provenance(result, info),
    '</body></html>',
    '',
  ].join('\n');
}
