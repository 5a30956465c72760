/**
 * Panel assembly (spec 2.4): the frame of sample countries x study years (9 x 11, Table 1 order, then year),
 * joining ESI and Import (BACI) with the covariates. Estimation sample = listwise-complete rows over
 * esi, import, lnfdi, capital, lr, pa, efi; every other row names its missing variables (drop_reason,
 * joined by ";" in that order). Accounting: N, countries, and drops by variable add up.
 */
import { SAMPLE_VARIABLES, countryName, type AseanConfig } from './config.js';
import { covKey, type Covariates } from './covariates.js';
import type { Measured, StudyMeasures } from './measures.js';

export interface PanelRow {
  iso3: string;
  country: string;
  baci_code: number | null;
  year: number;
  esi: number | null;
  esi_usa: number | null;
  esi_deu: number | null;
  import: number | null;
  fdi_inflow_musd: number | null;
  lnfdi: number | null;
  capital: number | null;
  lr: number | null;
  patents: number | null;
  pa: number | null;
  efi: number | null;
  in_sample: 0 | 1;
  drop_reason: string;
  /** Why ESI / Import are missing (not a panel column; reported in the run log). */
  notes: string[];
}

export const PANEL_COLUMNS = [
  'iso3', 'country', 'baci_code', 'year', 'esi', 'esi_usa', 'esi_deu', 'import', 'fdi_inflow_musd', 'lnfdi', 'capital', 'lr',
  'patents', 'pa', 'efi', 'in_sample', 'drop_reason',
] as const;

export interface Accounting {
  frameRows: number;
  n: number;
  countries: string[];
  /** Countries of the frame without any complete row. */
  countriesDropped: string[];
  droppedRows: number;
  /** Rows missing each variable (a row can miss several). */
  missingByVariable: Record<string, number>;
  /** Dropped rows by their full reason string. */
  droppedByReason: Record<string, number>;
}

export interface Panel {
  rows: PanelRow[];
  accounting: Accounting;
}

const val = (m: Measured | undefined) => (m && m.value !== null && Number.isFinite(m.value) ? m.value : null);

export function assemblePanel(cfg: AseanConfig, m: StudyMeasures, cov: Covariates | undefined, codeOf: (iso3: string) => number | null): Panel {
  const rows: PanelRow[] = [];
  const refA = cfg.references.find((r) => r === 'USA') ?? cfg.references[0];
  const refB = cfg.references.find((r) => r === 'DEU') ?? cfg.references[1];
  for (const iso3 of cfg.exporters) {
    for (const year of cfg.years) {
      const k = `${iso3}|${year}`;
      const c = cov?.rows.get(covKey(iso3, year));
      const esi = m.esi.get(k);
      const imp = m.importShare.get(k);
      const row: PanelRow = {
        iso3, country: countryName(iso3), baci_code: codeOf(iso3), year,
        esi: val(esi),
        esi_usa: val(m.esiByRef.get(refA)?.get(k)),
        esi_deu: refB ? val(m.esiByRef.get(refB)?.get(k)) : null,
        import: val(imp),
        fdi_inflow_musd: c?.fdi ?? null,
        lnfdi: c?.lnfdi ?? null,
        capital: c?.capital ?? null,
        lr: c?.lr ?? null,
        patents: c?.patents ?? null,
        pa: c?.pa ?? null,
        efi: c?.efi ?? null,
        in_sample: 0,
        drop_reason: '',
        notes: [],
      };
      if (row.esi === null && esi?.reason) row.notes.push(`esi: ${esi.reason}`);
      if (row.import === null && imp?.reason) row.notes.push(`import: ${imp.reason}`);
      if (!c) row.notes.push(cov ? 'no covariates row' : 'no covariates file');
      const missing = SAMPLE_VARIABLES.filter((v) => row[v] === null);
      row.in_sample = missing.length === 0 ? 1 : 0;
      row.drop_reason = missing.join(';');
      rows.push(row);
    }
  }
  return { rows, accounting: account(rows) };
}

function account(rows: PanelRow[]): Accounting {
  const inS = rows.filter((r) => r.in_sample === 1);
  const countries = [...new Set(inS.map((r) => r.iso3))];
  const all = [...new Set(rows.map((r) => r.iso3))];
  const missingByVariable: Record<string, number> = {};
  for (const v of SAMPLE_VARIABLES) missingByVariable[v] = rows.filter((r) => r[v] === null).length;
  const droppedByReason: Record<string, number> = {};
  for (const r of rows) if (r.in_sample === 0) droppedByReason[r.drop_reason] = (droppedByReason[r.drop_reason] ?? 0) + 1;
  return {
    frameRows: rows.length,
    n: inS.length,
    countries,
    countriesDropped: all.filter((c) => !countries.includes(c)),
    droppedRows: rows.length - inS.length,
    missingByVariable,
    droppedByReason,
  };
}

/** Lines printed to stderr: which countries/years drop and why. */
export function dropReport(p: Panel): string[] {
  const a = p.accounting;
  const out = [`estimation sample: N = ${a.n} of ${a.frameRows} country-years, ${a.countries.length} countries (${a.countries.join(', ')})`];
  if (a.countriesDropped.length) out.push(`countries without a complete row: ${a.countriesDropped.join(', ')}`);
  const byCountry = new Map<string, string[]>();
  for (const r of p.rows) {
    if (r.in_sample) continue;
    const l = byCountry.get(r.iso3) ?? [];
    l.push(`${r.year} (${r.drop_reason})`);
    byCountry.set(r.iso3, l);
  }
  for (const [c, l] of byCountry) out.push(`dropped ${c}: ${l.join(', ')}`);
  return out;
}
