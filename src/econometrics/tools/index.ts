/** Econometric helper tools: mediation, winsorizing, VIF, panel lags, descriptive statistics, distributions. */
export { mediation, sobelTest, type MediationData, type MediationOptions, type MediationResult, type PathEstimate } from './mediation.js';
export { winsorize, winsorizeDetailed, type WinsorizeOptions, type WinsorizeResult } from './winsorize.js';
export { vif, type VifResult, type VifRow } from './vif.js';
export { lag, lead, diff, shift, type ShiftOptions } from './lags.js';
export {
  describe,
  describeFrame,
  formatDescribe,
  summarize,
  quantileSorted,
  sortedFinite,
  type DescribeRow,
  type DescribeOptions,
  type PercentileDefinition,
} from './describe.js';
export { normalCdf, normalQuantile, tCdf, tPValue, zPValue, erfc, incompleteBeta, logGamma } from '../dist.js';
