/**
 * Panel econometrics: data frames, formulas, OLS, high-dimensional fixed effects, clustered variances,
 * IV-2SLS, Poisson PPML with fixed effects, random effects, Hausman, panel FGLS, linear probability and grouped regressions.
 */
export * from './frame.js';
export { parseCsv, csvRows, type CsvOptions } from './io/csv.js';
export { parseFormula, type ParsedFormula, type Term, type Atom, type Expr } from './formula.js';
export { olsFit, matrixColumns, type OlsFit, type OlsOptions } from './ols.js';
export { evalExpr, buildColumns, sampleRows } from './design.js';
export { buildFixef, dropSingletons, fixefDof, connectedComponents, isNestedIn, type FixefDim, type FixefDof } from './fixef.js';
export { demean, type DemeanOptions, type DemeanResult } from './demean.js';
export { computeVcov, meat, type VcovType, type ClusterVar, type VcovResult } from './vcov.js';
export { feols, resolveVcov, prepare } from './feols.js';
export { fepois, type FepoisOptions, type FepoisResult, type PoissonSsc } from './fepois.js';
export { poissonSeparation, type SeparationInput, type SeparationResult } from './poisson-separation.js';
export { poissonDeviance, poissonLogLik, poissonNull } from './poisson-family.js';
export { poissonVcov, type PoissonVcovInput, type PoissonVcov } from './poisson-vcov.js';
export type { CoefResult, FeolsOptions, FeolsResult, FirstStage, IvInfo, VcovChoice } from './types.js';
export { ivDiagnostics } from './iv.js';
export { reRandom, hausman, betweenVariance, type ReOptions, type ReResult, type ReVariance, type BetweenVariance, type HausmanResult, type HausmanOptions } from './re.js';
export { feglsPanel, type FglsOptions, type FglsResult } from './fgls.js';
export { lpm, type LpmResult } from './lpm.js';
export { feolsBy, type GroupFit } from './grouped.js';
export { pT2, pF, pChi2, pNorm2 } from './dist.js';
