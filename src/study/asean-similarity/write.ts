/**
 * Writes every output of spec 6 into the --out directory under its exact name (atomic writes):
 *   asean_esi_long.csv, esi_pairwise.csv (sample countries pairwise in the market), asean_panel.csv,
 *   asean_table{1_esi,2_descriptives,3_regressions}.{csv,md,tex,html},
 *   asean_fig1_esi_paths.{svg,png,csv} (+ asean_fig1_esi_paths_by_reference.{svg,png}),
 *   asean_estimates.{json,csv}, asean_run.json (configuration, files read with sizes, seed, accounting),
 *   report.html (the study runner's self-contained report).
 * Everything but report.html is deterministic.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeAtomic } from '../../node/files.js';
import { svgToPng } from '../../report/chart/png.js';
import { renderReport } from '../report.js';
import { stableJson } from '../runner.js';
import { toCsv, toHtmlPage, toLatex, toMarkdown } from '../table.js';
import type { AseanAnalysis } from './pipeline.js';
import { esiLongCsv, esiPairwiseCsv, estimatesCsv, estimatesJson, panelCsv, toStudyResult } from './result.js';

export interface RunMeta {
  command: string;
  synthetic: { seed: number; noise: number; dir: string; redraws: number } | null;
  gvcVersion: string;
  png?: boolean;
}

export async function writeOutputs(a: AseanAnalysis, out: string, meta: RunMeta, started = new Date()): Promise<string[]> {
  const written: string[] = [];
  const put = (rel: string, data: string | Uint8Array) => {
    writeAtomic(join(out, rel), data);
    written.push(rel);
  };
  put('asean_esi_long.csv', esiLongCsv(a.esiLong));
  put('esi_pairwise.csv', esiPairwiseCsv(a.esiPairwise));
  put('asean_panel.csv', panelCsv(a.panel.rows));
  for (const t of a.tables) {
    put(`${t.id}.csv`, toCsv(t));
    put(`${t.id}.md`, toMarkdown(t));
    put(`${t.id}.tex`, toLatex(t));
    put(`${t.id}.html`, toHtmlPage(t));
  }
  const pngNotes: string[] = [];
  const f = a.figure;
  put(`${f.id}.csv`, f.csv);
  for (const [k, p] of f.panels.entries()) {
    const stem = k === 0 ? f.id : `${f.id}_${p.name}`;
    put(`${stem}.svg`, p.svg);
    if (meta.png !== false) {
      const png = await svgToPng(p.svg);
      if (png.ok) put(`${stem}.png`, png.png);
      else pngNotes.push(`${stem}.png not written: ${png.reason}`);
    }
  }
  put('asean_estimates.json', stableJson(estimatesJson(a)));
  put('asean_estimates.csv', estimatesCsv(a));
  const files = a.files.map((x) => ({ path: x.path, bytes: x.bytes, rows: x.rows, kept: x.kept, years: x.years, ...(x.skipped ? { skipped: x.skipped } : {}) }));
  const side = [a.release.countryTable, a.release.productTable, a.release.covariates].filter((p): p is string => !!p);
  for (const p of side) files.push({ path: p, bytes: statSync(p).size, rows: 0, kept: 0, years: [] });
  const acc = a.panel.accounting;
  const run = {
    study: 'asean-similarity',
    command: meta.command,
    gvc_version: meta.gvcVersion,
    configuration: {
      exporters: a.config.exporters, references: a.config.references, market: a.config.market, combine: a.config.combine,
      level: a.config.level, years: a.config.years, bloc: a.config.bloc, pa_series: a.config.paSeries,
      re_variance: a.config.reVariance, exclude_mutual: a.config.excludeMutual, parens: a.config.parens,
    },
    synthetic: meta.synthetic,
    seed: meta.synthetic?.seed ?? null,
    hs_revision: a.release.revision ?? null,
    country_table: a.countryTableFrom,
    files,
    sample: {
      frame_rows: acc.frameRows, n: acc.n, countries: acc.countries, countries_dropped: acc.countriesDropped,
      dropped_rows: acc.droppedRows, missing_by_variable: acc.missingByVariable, dropped_by_reason: acc.droppedByReason,
      dropped: a.panel.rows.filter((r) => !r.in_sample).map((r) => ({ iso3: r.iso3, year: r.year, missing: r.drop_reason, why: r.notes })),
    },
    checks: a.checks,
    notes: [...a.notes, ...pngNotes],
    outputs: [...written, 'asean_run.json', 'report.html'],
  };
  put('asean_run.json', stableJson(run));
  const result = toStudyResult(a);
  put('report.html', renderReport(result, {
    study: 'asean-similarity', startedAt: started.toISOString(), seconds: (Date.now() - started.getTime()) / 1000,
    gvcVersion: meta.gvcVersion, nodeVersion: process.version,
    inputs: files.map((x) => ({ path: resolve(x.path), bytes: x.bytes, sha256: 'not computed (streamed)' })),
    command: meta.command, notes: pngNotes,
  }));
  return written;
}
