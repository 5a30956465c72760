/**
 * The study runner: resolve inputs, run one declarative study, write every output atomically.
 *
 *   <out>/<panel>.csv, <panel>.parquet  tidy panel (empty cell / null = undefined; Parquet when hyparquet-writer loads)
 *   <out>/<panel>.dta                   the same panel for Stata (format 118; '.' = undefined)
 *   <out>/estimates/<id>.json           one file per estimated column
 *   <out>/tables/<id>.{md,tex,html,csv} paper-style tables
 *   <out>/figures/<id>[_<panel>].{svg,png}, <id>.csv   figures and their plotted values; a figure of several
 *                                       panels also gets <id>.{svg,png} with all panels side by side
 *   <out>/report.html                   self-contained report (inline SVG, tables, provenance)
 *
 * Tables, panel, estimates and figures are deterministic (no timestamps); only report.html shows the run
 * time and duration, in its provenance section.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, OptionError } from '../errors.js';
import { readBytes, writeAtomic } from '../node/files.js';
import { svgToPng } from '../report/chart/png.js';
import { writePanelCsv } from './panel-csv.js';
import { panelParquet } from './panel-parquet.js';
import { panelDta } from './panel-dta.js';
import { renderReport, type RunInfo } from './report.js';
import { toCsv, toHtmlPage, toLatex, toMarkdown } from './table.js';
import type { StudyDefinition, StudyResult } from './types.js';

const STUDIES: Record<string, () => Promise<{ study: StudyDefinition }>> = {
  'bri-symbiosis': () => import('./bri-symbiosis/index.js'),
  'bri-upgrading': () => import('./bri-upgrading/index.js'),
  deglobalization: () => import('./deglobalization/index.js'),
  'asean-similarity': () => import('./asean-similarity/index.js'),
  'city-transfer': () => import('./city-transfer/index.js'),
};

/** Wrap study options so the runner can tell which ones the study never read (a misspelt key, say). */
export function watchOptions(options: Record<string, string>): { options: Record<string, string>; unused(): string[] } {
  const read = new Set<string>();
  let enumerated = false;
  const proxy = new Proxy(options, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  return { options: proxy, unused: () => (enumerated ? [] : Object.keys(options).filter((k) => !read.has(k))) };
}

export function studyNames(): string[] {
  return Object.keys(STUDIES);
}

export async function loadStudy(name: string): Promise<StudyDefinition> {
  const load = STUDIES[name];
  if (!load) throw new OptionError(`unknown study "${name}" (available: ${studyNames().join(', ')}).`);
  return (await load()).study;
}

export interface RunOptions {
  /** A directory of tables or a comma-separated list of files; default: the study's shipped data. */
  data?: string;
  /** "1996-2011" or "2005" (the estimation window). */
  years?: string;
  /** Comma-separated partner list. */
  countries?: string;
  out: string;
  options?: Record<string, string>;
  /** Progress sink (default: stderr). */
  progress?: (line: string) => void;
  /** Skip PNG rasterisation (faster tests). */
  png?: boolean;
}

export interface InputFile {
  path: string;
  bytes: number;
  sha256: string;
}

export function resolveData(data: string | undefined, study: StudyDefinition): string[] {
  if (!data) return study.defaultData();
  const parts = data.split(',').map((s) => s.trim()).filter(Boolean);
  const files: string[] = [];
  for (const p of parts) {
    if (!existsSync(p)) throw new InputError(`${p}: no such file or directory.`);
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (/\.csv(\.gz)?$/i.test(f)) files.push(join(p, f));
    } else files.push(p);
  }
  if (!files.length) throw new InputError(`${data}: no .csv or .csv.gz files found.`);
  return files;
}

export function parseYears(s: string | undefined): [number, number] | undefined {
  if (!s) return undefined;
  const m = s.trim().match(/^(\d{4})(?:\s*[-:]\s*(\d{4}))?$/);
  if (!m) throw new OptionError(`--years must look like 1996-2011 or 2005, got "${s}".`);
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (b < a) throw new OptionError(`--years ${s}: the last year precedes the first.`);
  return [a, b];
}

export function gvcVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** JSON with numbers at 12 significant digits and NaN/Infinity as null (deterministic, diff-friendly). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(12)) : null;
    if (v instanceof Float64Array || v instanceof Int32Array) return Array.from(v);
    return v;
  }, 2) + '\n';
}

/**
 * All panels of a figure side by side in one SVG (each panel a nested <svg> at its own size; ids prefixed
 * per panel so clip paths cannot collide).
 */
export function combinePanels(panels: ReadonlyArray<{ name: string; svg: string }>): string {
  let x = 0;
  let height = 0;
  const parts: string[] = [];
  panels.forEach((p, k) => {
    const body = p.svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
    const open = body.match(/^<svg\b[^>]*>/);
    if (!open) throw new Error(`figure panel ${p.name}: not an SVG document.`);
    const w = Number(open[0].match(/\swidth="([\d.]+)"/)?.[1] ?? 640);
    const h = Number(open[0].match(/\sheight="([\d.]+)"/)?.[1] ?? 400);
    const pre = `p${k}-`;
    const inner = body
      .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${pre}${id}"`)
      .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${pre}${id})`)
      .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${pre}${id}"`)
      .replace(/^<svg\b/, `<svg x="${x}" y="0"`);
    parts.push(inner.trim());
    x += w;
    height = Math.max(height, h);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="${height}" viewBox="0 0 ${x} ${height}">`,
    `<rect x="0" y="0" width="${x}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

export async function runStudy(name: string, opts: RunOptions): Promise<{ result: StudyResult; written: string[]; seconds: number }> {
  const started = new Date();
  const t0 = Date.now();
  const study = await loadStudy(name);
  const progress = opts.progress ?? ((line: string) => process.stderr.write(`[${name}] ${line}\n`));
  const inputs = new Map<string, InputFile>();
  const files = resolveData(opts.data, study);
  const watched = watchOptions(opts.options ?? {});
  const result = await study.run({
    files,
    years: parseYears(opts.years),
    countries: opts.countries ? opts.countries.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    options: watched.options,
    progress,
    readText(path: string): string {
      const raw = readFileSync(path);
      inputs.set(resolve(path), { path, bytes: raw.length, sha256: createHash('sha256').update(raw).digest('hex') });
      return readBytes(path).toString('utf8').replace(/^\uFEFF/, '');
    },
  });
  const unused = watched.unused();
  if (unused.length) progress(`warning: option(s) not used by ${name}: ${unused.join(', ')} (check the spelling; see the study's notes for its options)`);
  const out = opts.out;
  const written: string[] = [];
  const put = (rel: string, data: string | Uint8Array) => {
    writeAtomic(join(out, rel), data);
    written.push(rel);
  };
  put(`${result.panel.name}.csv`, writePanelCsv(result.panel.frame, result.panel.columns));
  const pq = await panelParquet(result.panel.frame, result.panel.columns);
  if (pq.bytes) put(`${result.panel.name}.parquet`, pq.bytes);
  const pngNotes: string[] = pq.bytes ? [] : [`${result.panel.name}.parquet not written (CSV only): ${pq.reason}`];
  const dta = panelDta(result.panel.frame, result.panel.columns, study.title);
  put(`${result.panel.name}.dta`, dta.bytes);
  pngNotes.push(...dta.notes);
  for (const e of result.estimates) put(`estimates/${e.id}.json`, stableJson(e));
  for (const t of result.tables) {
    put(`tables/${t.id}.md`, toMarkdown(t));
    put(`tables/${t.id}.tex`, toLatex(t));
    put(`tables/${t.id}.html`, toHtmlPage(t));
    put(`tables/${t.id}.csv`, toCsv(t));
  }
  for (const f of result.figures) {
    put(`figures/${f.id}.csv`, f.csv);
    const sheets = f.panels.length > 1 ? [...f.panels, { name: '', svg: combinePanels(f.panels) }] : f.panels;
    for (const p of sheets) {
      const stem = f.panels.length > 1 && p.name ? `${f.id}_${p.name}` : f.id;
      put(`figures/${stem}.svg`, p.svg);
      if (opts.png !== false) {
        const png = await svgToPng(p.svg);
        if (png.ok) put(`figures/${stem}.png`, png.png);
        else pngNotes.push(`${stem}.png not written: ${png.reason}`);
      }
    }
  }
  progress(`outputs written: ${written.length} files in ${out}`);
  const seconds = (Date.now() - t0) / 1000;
  const info: RunInfo = {
    study: name,
    startedAt: started.toISOString(),
    seconds,
    gvcVersion: gvcVersion(),
    nodeVersion: process.version,
    inputs: [...inputs.values()],
    command: `gvc study ${name}${opts.data ? ` --data ${opts.data}` : ''}${opts.years ? ` --years ${opts.years}` : ''}${opts.countries ? ` --countries ${opts.countries}` : ''} --out ${out}`,
    notes: unused.length ? [...pngNotes, `options given but not used by this study: ${unused.join(', ')}`] : pngNotes,
  };
  put('report.html', renderReport(result, info));
  return { result, written, seconds };
}
