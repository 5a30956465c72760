/**
 * The `deglob_model` document (spec `deglobalization` section 5): every model quantity at one parameter point,
 * numeric values from the explicit matrices next to their closed-form twins, partials, comparative statics of
 * one country and the paper's proposition claims against the exact signs. Undefined quantities (singular
 * points omega = 1/N or omega = x_i) are null with a note, never Inf/NaN.
 */
import { GvcError, OptionError } from '../../errors.js';
import { toCsv } from './csv.js';
import { exportGapMultiplier, exportShare, exportsPerAbsorption } from './exports.js';
import { gvcpFromAbsorptionShare, gvcpFromOutputShare, gvcpKpwwSymmetric, gvcpSymmetric } from './gvcp.js';
import { leontiefScalars } from './leontief.js';
import { solveNumeric } from './numeric.js';
import { checkParams, type DeglobParams } from './params.js';
import { dfdMu, dfdOmega, dfdV, dTdMu, dTdV, type DeglobPartials } from './partials.js';
import { propositionChecks, type PropositionCheck } from './propositions.js';
import {
  staticsAbsorptionFixed,
  staticsOutputFixed,
  type AbsorptionFixedStatics,
  type OutputFixedStatics,
} from './statics.js';

/** Per-country block of the document. */
export interface CountryEntry {
  country: number;
  G: number;
  X: number;
  Ex: number;
  DVX_vs1: number;
  DVX_kww_iv: number;
  FVA: number;
  x: number;
  g: number;
  export_share: number;
  export_share_closed: number | null;
  gvcp: number;
  gvcp_x_form: number | null;
  gvcp_g_form: number | null;
  gvcp_kpww: number;
}

/** The whole document. */
export interface DeglobModelDocument {
  params: DeglobParams;
  D: number;
  T: number;
  R: number;
  f: number | null;
  B_diag: number;
  B_off: number;
  symmetric: {
    exports_per_unit_absorption: number;
    exports_per_unit_absorption_closed: number;
    gvcp_symmetric: number;
    gvcp_symmetric_closed: number;
    gvcp_kpww_symmetric: number;
    gvcp_kpww_symmetric_closed: number;
  };
  countries: CountryEntry[];
  partials: { [K in keyof DeglobPartials]: number | null };
  statics: {
    country: number;
    x_fixed: OutputFixedStatics | null;
    g_fixed: AbsorptionFixedStatics | null;
    paper_claim: PropositionCheck[] | null;
  };
  notes: string[];
}

/** Options: absorption vector (default equal) and the country whose statics are reported (1-based). */
export interface DocumentOptions {
  G?: ArrayLike<number>;
  country?: number;
}

/** Evaluate f() and return null (with a note) on a model error such as a singular point. */
function tryOr<T>(notes: string[], what: string, f: () => T): T | null {
  try {
    return f();
  } catch (err) {
    if (err instanceof GvcError) {
      const note = `${what}: ${err.message}`;
      if (!notes.includes(note)) notes.push(note);
      return null;
    }
    throw err;
  }
}

/** Build the deglob_model document at parameters p. */
export function deglobModelDocument(p: DeglobParams, options: DocumentOptions = {}): DeglobModelDocument {
  checkParams(p);
  const notes: string[] = [];
  const country = options.country ?? 1;
  if (!Number.isInteger(country) || country < 1 || country > p.N) {
    throw new OptionError(`country must be an integer between 1 and N = ${p.N}, got ${country}.`);
  }
  const s = leontiefScalars(p);
  const sym = solveNumeric(p);
  const m = options.G === undefined ? sym : solveNumeric(p, { G: options.G });
  const countries: CountryEntry[] = [];
  for (let i = 0; i < p.N; i++) {
    countries.push({
      country: i + 1,
      G: m.G[i],
      X: m.X[i],
      Ex: m.Ex[i],
      DVX_vs1: m.DVX_vs1[i],
      DVX_kww_iv: m.DVX_kww_iv[i],
      FVA: m.FVA[i],
      x: m.x[i],
      g: m.g[i],
      export_share: m.export_share[i],
      export_share_closed: tryOr(notes, 'export share (closed form)', () => exportShare(p, m.x[i])),
      gvcp: m.gvcp_vs1[i],
      gvcp_x_form: tryOr(notes, 'GVCP x-form', () => gvcpFromOutputShare(p, m.x[i])),
      gvcp_g_form: tryOr(notes, 'GVCP g-form', () => gvcpFromAbsorptionShare(p, m.g[i])),
      gvcp_kpww: m.gvcp_kpww[i],
    });
  }
  const c = country - 1;
  return {
    params: { N: p.N, omega: p.omega, mu: p.mu, v: p.v },
    D: s.D,
    T: s.T,
    R: s.R,
    f: tryOr(notes, 'f', () => exportGapMultiplier(p)),
    B_diag: s.B_diag,
    B_off: s.B_off,
    symmetric: {
      exports_per_unit_absorption: sym.Ex[0] / sym.G[0],
      exports_per_unit_absorption_closed: exportsPerAbsorption(p),
      gvcp_symmetric: sym.gvcp_vs1[0],
      gvcp_symmetric_closed: gvcpSymmetric(p),
      gvcp_kpww_symmetric: sym.gvcp_kpww[0],
      gvcp_kpww_symmetric_closed: gvcpKpwwSymmetric(p),
    },
    countries,
    partials: {
      dT_dmu: dTdMu(p),
      dT_dv: dTdV(p),
      df_domega: tryOr(notes, 'df/domega', () => dfdOmega(p)),
      df_dmu: tryOr(notes, 'df/dmu', () => dfdMu(p)),
      df_dv: tryOr(notes, 'df/dv', () => dfdV(p)),
    },
    statics: {
      country,
      x_fixed: tryOr(notes, 'statics with output shares fixed', () => staticsOutputFixed(p, m.x[c])),
      g_fixed: tryOr(notes, 'statics with absorption shares fixed', () => staticsAbsorptionFixed(p, m.g[c])),
      paper_claim: tryOr(notes, 'proposition checks', () => propositionChecks(p, m.x[c])),
    },
    notes,
  };
}

/** A row of the document's long CSV form. */
export interface DocumentRow {
  section: string;
  country: number | null;
  variable: string;
  value: number | null;
}

/** Flatten the numeric fields of the document to rows {section, country, variable, value}. */
export function documentRows(d: DeglobModelDocument): DocumentRow[] {
  const rows: DocumentRow[] = [];
  const put = (section: string, country: number | null, obj: object) => {
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v === 'number' || v === null) rows.push({ section, country, variable: k, value: v });
    }
  };
  put('params', null, d.params);
  put('scalars', null, { D: d.D, T: d.T, R: d.R, f: d.f, B_diag: d.B_diag, B_off: d.B_off });
  put('symmetric', null, d.symmetric);
  for (const c of d.countries) {
    const { country, ...rest } = c;
    put('country', country, rest);
  }
  put('partials', null, d.partials);
  const st = d.statics;
  if (st.x_fixed) for (const [k, v] of Object.entries(st.x_fixed)) rows.push({ section: 'statics_x_fixed', country: st.country, variable: k, value: v.value });
  if (st.g_fixed) for (const [k, v] of Object.entries(st.g_fixed)) rows.push({ section: 'statics_g_fixed', country: st.country, variable: k, value: v.value });
  return rows;
}

/** The document's long CSV form. */
export function documentCsv(d: DeglobModelDocument): string {
  return toCsv<DocumentRow>(['section', 'country', 'variable', 'value'], documentRows(d));
}
