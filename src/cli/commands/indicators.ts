/**
 * `gvc indicators <table...> --what LIST [--level country|sector] [--scope c2-c17] [--rca-basis gross|dva]
 *  [--out file.csv]`
 *
 * GVC indicators of one or many MRIO tables as one wide CSV (a `year` column first, then `country`, and
 * `sector` at sector level; `year` is the table's year or the one in its file name, else the file name).
 * --what takes a comma list of:
 *   participation, position  KPWW (2010) indices: country level from the KWW 2014 terms (decompose/kww),
 *                            sector level from the WWZ 2013 terms summed over importers (decompose/wwz)
 *   wwyz                     Wang-Wei-Yu-Zhu (2017) production-based forward/backward participation
 *   bm                       Borin-Mancini (2019) GVC/E, GVCB/E (backward), GVCF/E (forward) (decompose/bm)
 *   vs1                      VS1-based participation (DVX + FVA)/E of the deglobalization spec (country)
 *   rca, nrca                Balassa RCA and normalized RCA (sector level) on gross exports or on WWZ DVA
 *   upstreamness             Antràs et al. (2012) output upstreamness (country: output-weighted mean)
 *   downstreamness           Miller-Temurshoev input downstreamness (sector)
 *   hhi                      destination HHI per exporter-sector (sector); world export-market shares and
 *                            HHI of intermediate and final goods (country; RoW excluded from the HHI)
 *   localshares, varatio     omega, mu (user and product basis), v and GDP of the deglobalization spec
 *                            (country; --scope selects the sectors, default all)
 * Undefined values are empty cells. Without --out the CSV goes to stdout.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { OptionError } from '../../errors.js';
import { buildModel, type IoModel } from '../../mrio/model.js';
import { yearFromName } from '../../node/files.js';
import { toCsv, type CsvColumn } from '../../report/csv-writer.js';
import { checkTablePath, writeTableFile } from '../../node/write-table.js';
import { kww } from '../../decompose/kww.js';
import { wwz } from '../../decompose/wwz.js';
import { bmCountry, bmSector } from '../../decompose/bm.js';
import {
  bmShares, kpwwIndices, kwwIvFv, sumOverImporters, vs1Participation, wwyzCountry, wwyzSector, wwzIvFv,
} from '../../indicators/participation.js';
import { countryBySector, nrca, rca } from '../../indicators/rca.js';
import { countryMean, downstreamness, upstreamnessFromModel } from '../../indicators/upstreamness.js';
import { destinationHhi, exportMarketHhi } from '../../indicators/concentration.js';
import { localShares } from '../../indicators/localshares.js';
import { expandTableArgs, loadTable } from '../load.js';

export const WHAT = [
  'participation', 'position', 'wwyz', 'bm', 'vs1', 'rca', 'nrca', 'upstreamness', 'downstreamness', 'hhi', 'localshares', 'varatio',
] as const;
type What = (typeof WHAT)[number];
const COUNTRY_ONLY: What[] = ['vs1', 'localshares', 'varatio'];
const SECTOR_ONLY: What[] = ['rca', 'nrca', 'downstreamness'];

export interface IndicatorOptions {
  what: string;
  level?: string;
  scope?: string;
  rcaBasis?: string;
}

/** Named columns of one table (keys in insertion order). */
type Block = Map<string, CsvColumn>;

function add(b: Block, name: string, col: ArrayLike<number>): void {
  if (!b.has(name)) b.set(name, col as CsvColumn);
}

/** Every requested indicator of one model at one level. */
export function indicatorColumns(m: IoModel, what: readonly What[], level: 'country' | 'sector', opts: IndicatorOptions): Block {
  const b: Block = new Map();
  const { G, N } = m;
  let wwzCache: ReturnType<typeof wwz> | undefined;
  const W = () => (wwzCache ??= wwz(m));
  for (const w of what) {
    if (w === 'participation' || w === 'position') {
      let k;
      if (level === 'country') k = kpwwIndices(kwwIvFv(kww(m).terms));
      else {
        const t = W();
        const s = (x: Float64Array) => sumOverImporters(x, G);
        k = kpwwIndices(wwzIvFv({
          DVA_INTrexI1: s(t.DVA_INTrexI1), DVA_INTrexF: s(t.DVA_INTrexF), DVA_INTrexI2: s(t.DVA_INTrexI2),
          MVA_FIN: s(t.MVA_FIN), OVA_FIN: s(t.OVA_FIN), MVA_INT: s(t.MVA_INT), OVA_INT: s(t.OVA_INT),
          MDC: s(t.MDC), ODC: s(t.ODC), texp: s(t.texp),
        }));
      }
      add(b, 'E', k.E);
      add(b, 'IV', k.IV);
      add(b, 'FV', k.FV);
      add(b, 'iv_share', k.ivShare);
      add(b, 'fv_share', k.fvShare);
      add(b, 'gvc_participation', k.participation);
      add(b, 'gvc_position', k.position);
    } else if (w === 'wwyz') {
      const sec = wwyzSector(m);
      const r = level === 'country' ? wwyzCountry(m, sec) : sec;
      for (const [pre, p] of [['fwd', r.forward], ['bwd', r.backward]] as const) {
        add(b, `${pre}_total`, p.total);
        add(b, `${pre}_D`, p.D);
        add(b, `${pre}_RT`, p.RT);
        add(b, `${pre}_GVC_S`, p.GVC_S);
        add(b, `${pre}_GVC_C`, p.GVC_C);
        add(b, `${pre}_participation`, p.participation);
      }
      add(b, 'wwyz_position', r.position);
    } else if (w === 'bm') {
      const t = level === 'country' ? bmCountry(m) : bmSector(m);
      const sh = bmShares(t);
      add(b, 'bm_GVC_share', sh.gvc);
      add(b, 'bm_GVCB_share', sh.backward);
      add(b, 'bm_GVCF_share', sh.forward);
    } else if (w === 'vs1') {
      const r = vs1Participation(m);
      add(b, 'E', r.E);
      add(b, 'DVX_vs1', r.DVX);
      add(b, 'FVA', r.FVA);
      add(b, 'gvcp_vs1', r.gvcp);
    } else if (w === 'rca' || w === 'nrca') {
      let base: ArrayLike<number> = m.e;
      if (opts.rcaBasis === 'dva') {
        const t = W();
        const terms = ['DVA_FIN', 'DVA_INT', 'DVA_INTrexI1', 'DVA_INTrexF', 'DVA_INTrexI2', 'RDV_INT', 'RDV_FIN', 'RDV_FIN2'] as const;
        const dva = new Float64Array(m.GN);
        for (const k of terms) sumOverImporters(t[k], G).forEach((x, i) => (dva[i] += x));
        base = dva;
      }
      const X = countryBySector(base, G, N);
      add(b, w === 'rca' ? 'rca' : 'nrca', (w === 'rca' ? rca(X) : nrca(X)).data);
    } else if (w === 'upstreamness') {
      const u = upstreamnessFromModel(m);
      add(b, 'upstreamness', level === 'country' ? countryMean(u, m.x, G, N) : u);
    } else if (w === 'downstreamness') {
      add(b, 'downstreamness', downstreamness(m));
    } else if (w === 'hhi') {
      if (level === 'sector') {
        const h = destinationHhi(m);
        add(b, 'hhi_dest_int', h.intermediate);
        add(b, 'hhi_dest_fin', h.final);
        add(b, 'hhi_dest_total', h.total);
      } else {
        const h = exportMarketHhi(m, { scope: opts.scope ?? 'all' });
        add(b, 'share_int_pct', h.intermediateShare);
        add(b, 'share_fin_pct', h.finalShare);
        add(b, 'world_hhi_int', new Float64Array(G).fill(h.intermediateHhi));
        add(b, 'world_hhi_fin', new Float64Array(G).fill(h.finalHhi));
      }
    } else if (w === 'localshares' || w === 'varatio') {
      const ls = localShares(m.table, opts.scope ?? 'all');
      if (w === 'localshares') {
        add(b, 'omega', ls.omega);
        add(b, 'mu', ls.mu);
        add(b, 'mu_product', ls.muProduct);
      }
      add(b, 'v', ls.v);
      if (w === 'localshares') add(b, 'GDP', ls.GDP);
    }
  }
  return b;
}

/** Parse and check --what and --level. */
export function parseWhat(whatArg: string, levelArg = 'country'): { what: What[]; level: 'country' | 'sector' } {
  if (levelArg !== 'country' && levelArg !== 'sector') throw new OptionError(`--level must be country or sector, got "${levelArg}".`);
  const what: What[] = [];
  for (const w of whatArg.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!(WHAT as readonly string[]).includes(w)) throw new OptionError(`--what: unknown indicator "${w}" (choose from ${WHAT.join(', ')}).`);
    if (levelArg === 'sector' && COUNTRY_ONLY.includes(w as What)) throw new OptionError(`--what ${w} is a country-level indicator; use --level country.`);
    if (levelArg === 'country' && SECTOR_ONLY.includes(w as What)) throw new OptionError(`--what ${w} is defined per country and sector; use --level sector.`);
    if (!what.includes(w as What)) what.push(w as What);
  }
  if (what.length === 0) throw new OptionError('--what needs at least one indicator.');
  return { what, level: levelArg };
}

export function register(program: Command): void {
  program
    .command('indicators')
    .description('GVC indicators: participation/position (KPWW, WWYZ, VS1), RCA/NRCA, upstreamness, HHI, local shares')
    .argument('<tables...>', 'table files (one per year), directories, "demo" or "wiod2013[:YEAR[-YEAR]]"')
    .requiredOption('--what <list>', `comma list of: ${WHAT.join(', ')}`)
    .option('--level <level>', 'country or sector', 'country')
    .option('--scope <sectors>', 'sectors for localshares/varatio/hhi, e.g. c2-c17 (default all)')
    .option('--rca-basis <basis>', 'rca/nrca on gross exports (gross, default) or on WWZ domestic value added in exports (dva)', 'gross')
    .option('--out <file>', 'output file: .csv, .parquet or Stata .dta (default: CSV on stdout)')
    .action(async (tables: string[], opts: IndicatorOptions & { out?: string }) => {
      const { what, level } = parseWhat(opts.what, opts.level);
      if (opts.rcaBasis !== 'gross' && opts.rcaBasis !== 'dva') throw new OptionError(`--rca-basis must be gross or dva, got "${opts.rcaBasis}".`);
      if (opts.out) checkTablePath('--out', opts.out);
      const paths = expandTableArgs(tables);
      const cols = new Map<string, Array<string | number>>();
      const push = (name: string, vals: ArrayLike<string | number>) => {
        let c = cols.get(name);
        if (!c) cols.set(name, (c = []));
        for (let i = 0; i < vals.length; i++) c.push(vals[i]);
      };
      let nrow = 0;
      for (const [k, p] of paths.entries()) {
        const t0 = performance.now();
        const table = await loadTable(p);
        const m = buildModel(table);
        const block = indicatorColumns(m, what, level, opts);
        const n = level === 'country' ? m.G : m.GN;
        const year = table.year ?? yearFromName(p) ?? basename(p);
        push('year', new Array(n).fill(year));
        push('country', level === 'country' ? m.table.countries : Array.from({ length: n }, (_, r) => m.table.countries[Math.floor(r / m.N)]));
        if (level === 'sector') push('sector', Array.from({ length: n }, (_, r) => m.table.sectors[r % m.N]));
        for (const [name, col] of block) push(name, col as ArrayLike<number>);
        nrow += n;
        process.stderr.write(`[${k + 1}/${paths.length}] ${year}: ${what.join(', ')} at ${level} level in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
        const zero = m.table.countries.flatMap((c, i) => m.table.sectors.filter((_, s) => m.x[i * m.N + s] === 0).map((s) => `${c}.${s}`));
        if (zero.length > 0) {
          process.stderr.write(`${year}: ${zero.length} zero-output sector(s) (${zero.slice(0, 8).join(', ')}${zero.length > 8 ? ', ...' : ''}) get zero coefficients; undefined ratios are empty cells\n`);
        }
      }
      const names = [...cols.keys()];
      for (const nm of names) if (cols.get(nm)!.length !== nrow) throw new OptionError(`column ${nm} is not available for every table.`);
      const table = { names, columns: Object.fromEntries(cols) as Record<string, CsvColumn>, nrow };
      if (opts.out) {
        await writeTableFile(opts.out, table, { label: `gvc indicators --what ${what.join(',')}` });
        process.stderr.write(`wrote ${opts.out}: ${nrow} rows\n`);
      } else process.stdout.write(toCsv(table));
    });
}
