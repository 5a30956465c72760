/** Columns of `upgrading_panel`, in the order of spec section 6, and the display labels of the regressors. */
export const PANEL_COLUMNS = [
  'country', 'year', 'E', 'DVA_FIN', 'DVA_INT', 'DVA_INTrex', 'RDV_FIN', 'RDV_INT', 'DDC', 'FVA_FIN', 'FVA_INT', 'FDC',
  'IV', 'FV', 'GVCP', 'GVCL', 'bm_GVC_share', 'bm_GVCB_share', 'bm_GVCF_share', 'GDP_w', 'GFCF_w', 'K_w', 'PGDP_w',
  'Tariff', 'Sofdi', 'ln1p_Sofdi', 'K', 'Hum', 'RD', 'RD_lag1', 'PGDP', 'K_source', 'PGDP_source', 'covariates',
  'interpolated', 'est_sample',
] as const;

/** Regressors of the full model in the paper's order (spec 3: the sequential columns follow it). */
export const FULL_REGRESSORS = ['Tariff', 'ln1p_Sofdi', 'K', 'Hum', 'RD', 'PGDP'] as const;

/** Row labels of the regression tables. */
export const LABELS: Record<string, string> = {
  Tariff: 'Tariff',
  ln1p_Sofdi: 'ln(1+Sofdi)',
  K: 'K',
  Hum: 'Hum',
  RD: 'RD',
  RD_lag1: 'RD (t-1)',
  PGDP: 'PGDP',
  GVCL: 'GVCL',
  GVCP: 'GVCP',
  bm_GVC_share: 'GVC/E (BM)',
  bm_GVCB_share: 'GVCB/E (BM)',
  bm_GVCF_share: 'GVCF/E (BM)',
  _cons: 'Constant',
};
