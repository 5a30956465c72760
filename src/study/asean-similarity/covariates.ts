/**
 * Covariates file of the ASEAN study (spec 5.3):
 *   iso3,year,fdi_inflow_musd,gfcf_pct_gdp,lfpr_pct,patents,efi[,efi_scale]
 * Percent inputs in 0-100; efi on 0-10 (efi_scale 10, default) or 0-100 (efi_scale 100); patents a count of
 * the series named by `pa_series`; an empty cell (or NA) is missing. Derived regressors (spec 2.3):
 *   lnFDI = ln(fdi_inflow_musd) (inflow <= 0 -> missing), Capital = gfcf/100, LR = lfpr/100,
 *   PA = ln(patents) (0 -> missing), EFI = efi (scale 10) or efi/10 (scale 100).
 * Unknown ISO3, duplicate (iso3, year), non-numeric or out-of-range values are errors naming the row.
 * Rows of valid countries outside the study sample are kept (and ignored by the panel).
 */
import { InputError } from '../../errors.js';
import { builtinCountryTable } from '../../io/countries.js';

export interface CovariateRow {
  iso3: string;
  year: number;
  fdi: number | null;
  gfcfPct: number | null;
  lfprPct: number | null;
  patents: number | null;
  /** On the file's own scale. */
  efiRaw: number | null;
  efiScale: 10 | 100;
  lnfdi: number | null;
  capital: number | null;
  lr: number | null;
  pa: number | null;
  efi: number | null;
  /** 1-based line number in the file. */
  line: number;
}

export interface Covariates {
  rows: Map<string, CovariateRow>;
  source: string;
  /** Derivation notes (e.g. non-positive FDI set to missing). */
  notes: string[];
}

const REQUIRED = ['iso3', 'year', 'fdi_inflow_musd', 'gfcf_pct_gdp', 'lfpr_pct', 'patents', 'efi'] as const;

function splitLine(line: string): string[] {
  return line.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
}

export const covKey = (iso3: string, year: number) => `${iso3}|${year}`;

/** Parse and validate the covariates CSV text (see the file comment). */
export function parseCovariates(text: string, source = 'covariates.csv'): Covariates {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = splitLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const pos: Record<string, number> = {};
  for (const c of [...REQUIRED, 'efi_scale']) pos[c] = head.indexOf(c);
  const miss = REQUIRED.filter((c) => pos[c] < 0);
  if (miss.length) throw new InputError(`${source}: the header lacks column(s) ${miss.join(', ')} (expected ${REQUIRED.join(',')}[,efi_scale]).`);
  const known = builtinCountryTable().toCodes;
  const rows = new Map<string, CovariateRow>();
  const notes: string[] = [];
  for (let r = 1; r < lines.length; r++) {
    const text = lines[r];
    if (text.trim() === '') continue;
    const line = r + 1;
    const f = splitLine(text);
    const where = (field: string) => `${source}: row ${line}, field "${field}"`;
    const num = (field: string): number | null => {
      const raw = pos[field] >= 0 ? (f[pos[field]] ?? '') : '';
      if (raw === '' || raw.toUpperCase() === 'NA') return null;
      const x = Number(raw);
      if (!Number.isFinite(x)) throw new InputError(`${where(field)} is not a number ("${raw}").`);
      return x;
    };
    const range = (field: string, x: number | null, lo: number, hi: number): number | null => {
      if (x !== null && (x < lo || x > hi)) throw new InputError(`${where(field)} = ${x} is outside [${lo}, ${hi}].`);
      return x;
    };
    const iso3 = (f[pos.iso3] ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(iso3) || !known.has(iso3)) throw new InputError(`${where('iso3')}: unknown ISO3 code "${f[pos.iso3] ?? ''}".`);
    const year = num('year');
    if (year === null || !Number.isInteger(year) || year < 1900 || year > 2100) throw new InputError(`${where('year')} is not a year ("${f[pos.year] ?? ''}").`);
    const key = covKey(iso3, year);
    const prev = rows.get(key);
    if (prev) throw new InputError(`${source}: row ${line} repeats (iso3, year) = (${iso3}, ${year}) of row ${prev.line}.`);
    const scaleRaw = num('efi_scale');
    if (scaleRaw !== null && scaleRaw !== 10 && scaleRaw !== 100) throw new InputError(`${where('efi_scale')} must be 10 or 100, got ${scaleRaw}.`);
    const efiScale: 10 | 100 = scaleRaw === 100 ? 100 : 10;
    const fdi = num('fdi_inflow_musd');
    const gfcfPct = range('gfcf_pct_gdp', num('gfcf_pct_gdp'), 0, 100);
    const lfprPct = range('lfpr_pct', num('lfpr_pct'), 0, 100);
    const patents = range('patents', num('patents'), 0, Number.MAX_VALUE);
    if (patents !== null && !Number.isInteger(patents)) throw new InputError(`${where('patents')} = ${patents} is not a whole count.`);
    const efiRaw = range('efi', num('efi'), 0, efiScale);
    if (fdi !== null && fdi <= 0) notes.push(`${source}: row ${line} (${iso3} ${year}): FDI inflow ${fdi} <= 0, lnFDI set to missing.`);
    if (patents === 0) notes.push(`${source}: row ${line} (${iso3} ${year}): 0 patent applications, PA set to missing.`);
    rows.set(key, {
      iso3, year, fdi, gfcfPct, lfprPct, patents, efiRaw, efiScale, line,
      lnfdi: fdi !== null && fdi > 0 ? Math.log(fdi) : null,
      capital: gfcfPct === null ? null : gfcfPct / 100,
      lr: lfprPct === null ? null : lfprPct / 100,
      pa: patents !== null && patents > 0 ? Math.log(patents) : null,
      efi: efiRaw === null ? null : efiScale === 100 ? efiRaw / 10 : efiRaw,
    });
  }
  return { rows, source, notes };
}
