/** Columns of `symbiosis_panel`, in the order of spec section 7. */
export const PANEL_COLUMNS = [
  // keys
  'partner', 'sector', 'year',
  // raw levels
  'ITR', 'ITR_c_to_r', 'ITR_r_to_c', 'RH', 'HD', 'XT', 'RVC', 'INC', 'GVC_P', 'GVC_D', 'RCA_D',
  // components
  'IIR_cr', 'IDR_rc', 'IIR_rc', 'IDR_cr', 'theta_cr', 'theta_rc', 'VAX_c', 'VAX_r', 'g_c', 'g_r', 'E_c', 'E_r',
  // controls, instrument and A2 variables
  'POL', 'ECO', 'CUL', 'DIS', 'FTA', 'LAB', 'X_world', 'ITR_Xw', 'RH_b', 'HD_b', 'XT_b',
  // dummies
  'D1', 'D2', 'D3',
  // transformed
  'ITR_w', 'RH_w', 'HD_w', 'XT_w', 'RVC_w', 'INC_w', 'GVC_P_w', 'GVC_D_w', 'RCA_D_w', 'POL_w', 'ECO_w', 'LAB_w',
  'ITR_Xw_w', 'RH_b_w', 'HD_b_w', 'XT_b_w', 'ln_ITR_w', 'ln_RH_w', 'ln_HD_w', 'ln_XT_w', 'ln_GVC_P_w', 'ln_GVC_D_w',
  'ln_RCA_D_w', 'ln_POL_w', 'ln_ECO_w', 'ln_ITR_Xw_w', 'ln_RH_b_w', 'ln_HD_b_w', 'ln_XT_b_w', 'ln_CUL', 'ln_DIS', 'z_standin',
  // samples
  'in_window', 'sample_main', 'sample_iv', 'sample_lag', 'sample_a2b', 'list_c', 'drop_reason',
] as const;
