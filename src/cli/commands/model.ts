/**
 * `gvc model ...`: theoretical models. Currently `gvc model deglob`, the symmetric N-country model of the
 * `deglobalization` study (spec sections 1 and 5):
 *
 *   gvc model deglob --N 7 --omega 0.7 --mu 0.6 --v 0.33 [--G 2,0.5,1,1,1,1,1] [--country 1] --json
 *       prints the deglob_model document (JSON with --json, a short summary otherwise);
 *   gvc model deglob --N 7,20,50 --v 0.33 [--quantity gvcp|n1T] --out DIR
 *       writes deglob_fig3.csv (spec 1.8 columns), deglob_fig3_tidy.csv, deglob_fig3.svg and deglob_fig3.png
 *       (when @resvg/resvg-js is available); with --omega and --mu and a single N also deglob_model.json/.csv.
 */
import { writeAtomic } from '../../node/files.js';
import { join } from 'node:path';
import type { Command } from 'commander';
import { OptionError } from '../../errors.js';
import {
  deglobModelDocument,
  documentCsv,
  fig3Csv,
  fig3Svg,
  fig3TidyCsv,
  type DeglobModelDocument,
  type Fig3Quantity,
} from '../../model/deglob/index.js';
import { svgToPng } from '../../report/chart/png.js';

interface DeglobOptions {
  N?: string;
  omega?: string;
  mu?: string;
  v?: string;
  G?: string;
  country?: string;
  quantity?: string;
  json?: boolean;
  out?: string;
}

/** Parse a finite number from option `name`. */
function num(name: string, s: string): number {
  const x = Number(s.trim());
  if (s.trim() === '' || !Number.isFinite(x)) throw new OptionError(`--${name} must be a number, got "${s}".`);
  return x;
}

/** Parse a comma-separated list of numbers from option `name`. */
function numList(name: string, s: string): number[] {
  return s.split(',').map((t) => num(name, t));
}

function summary(d: DeglobModelDocument): string {
  const f = (x: number | null) => (x === null ? 'undefined' : x.toPrecision(10));
  const p = d.params;
  const lines = [
    `deglob model: N = ${p.N}, omega = ${p.omega}, mu = ${p.mu}, v = ${p.v}`,
    `D = ${f(d.D)}  T = ${f(d.T)}  R = ${f(d.R)}  f = ${f(d.f)}`,
    `B diagonal = ${f(d.B_diag)}  B off-diagonal = ${f(d.B_off)}`,
    `symmetric: Ex/G = ${f(d.symmetric.exports_per_unit_absorption)}  GVCP = ${f(d.symmetric.gvcp_symmetric)}  GVCP_kpww = ${f(d.symmetric.gvcp_kpww_symmetric)}`,
    'country       x          g    export_share       gvcp   gvcp_kpww',
  ];
  for (const c of d.countries) {
    lines.push(
      `${String(c.country).padStart(7)} ${c.x.toFixed(6).padStart(10)} ${c.g.toFixed(6).padStart(10)} ${c.export_share.toFixed(6).padStart(15)} ${c.gvcp.toFixed(6).padStart(10)} ${c.gvcp_kpww.toFixed(6).padStart(11)}`,
    );
  }
  for (const n of d.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}

async function runDeglob(o: DeglobOptions): Promise<void> {
  const Ns = o.N === undefined ? undefined : numList('N', o.N);
  const v = o.v === undefined ? undefined : num('v', o.v);
  const quantity = (o.quantity ?? 'gvcp') as Fig3Quantity;
  if (quantity !== 'gvcp' && quantity !== 'n1T') throw new OptionError(`--quantity must be "gvcp" or "n1T", got "${o.quantity}".`);
  const hasPoint = o.omega !== undefined || o.mu !== undefined;

  const point = (): DeglobModelDocument => {
    if (o.omega === undefined || o.mu === undefined || v === undefined) {
      throw new OptionError('the model document needs --omega, --mu and --v.');
    }
    if (Ns === undefined || Ns.length !== 1) throw new OptionError('the model document needs exactly one value of --N.');
    return deglobModelDocument(
      { N: Ns[0], omega: num('omega', o.omega), mu: num('mu', o.mu), v },
      {
        G: o.G === undefined ? undefined : numList('G', o.G),
        country: o.country === undefined ? undefined : num('country', o.country),
      },
    );
  };

  if (o.out === undefined) {
    const d = point();
    process.stdout.write(o.json ? JSON.stringify(d, null, 2) + '\n' : summary(d));
    return;
  }

  const figOpts = { N: Ns ?? [7, 20, 50], v: v ?? 0.33, quantity };
  const doc = hasPoint ? point() : undefined;
  // compute every output first (bad options fail here), then write each file atomically
  const files: Array<[string, string | Uint8Array]> = [];
  files.push(['deglob_fig3.csv', fig3Csv(figOpts)]);
  files.push(['deglob_fig3_tidy.csv', fig3TidyCsv(figOpts)]);
  const svg = fig3Svg(figOpts);
  files.push(['deglob_fig3.svg', svg]);
  const png = await svgToPng(svg);
  if (png.ok) files.push(['deglob_fig3.png', png.png]);
  if (doc) {
    files.push(['deglob_model.json', JSON.stringify(doc, null, 2) + '\n']);
    files.push(['deglob_model.csv', documentCsv(doc)]);
  }
  const written: string[] = [];
  for (const [name, data] of files) {
    const path = join(o.out as string, name);
    writeAtomic(path, data);
    written.push(path);
  }
  for (const w of written) process.stdout.write(`wrote ${w}\n`);
  if (!png.ok) process.stdout.write(`note: PNG skipped: ${png.reason}\n`);
}

/** Register `gvc model` and its subcommands. */
export function register(program: Command): void {
  const model = program.command('model').description('theoretical models behind the studies');
  model
    .command('deglob')
    .description('symmetric N-country GVC participation model (Qu and Yang 2023): model document or Figure 3')
    .option('--N <list>', 'number of countries; a comma list for Figure 3 (default 7,20,50 with --out)')
    .option('--omega <x>', 'local share of final goods, in [0, 1]')
    .option('--mu <x>', 'local share of intermediate inputs, in [0, 1]')
    .option('--v <x>', 'value-added share of gross output, in (0, 1] (Figure 3 default 0.33)')
    .option('--G <list>', 'absorption by country, comma-separated (default: equal)')
    .option('--country <i>', 'country (1-based) whose comparative statics are reported', '1')
    .option('--quantity <q>', 'Figure 3 quantity: gvcp = 2(N-1)T or n1T = (N-1)T', 'gvcp')
    .option('--json', 'print the model document as JSON')
    .option('--out <dir>', 'write Figure 3 (CSV, tidy CSV, SVG, PNG) and, with --omega/--mu, the model document')
    .action(async (opts: DeglobOptions) => {
      await runDeglob(opts);
    });
}
