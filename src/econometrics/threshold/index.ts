/** Hansen (1999) fixed-effects panel threshold regression. */
export {
  panelThreshold,
  type ThresholdData,
  type ThresholdOptions,
  type ThresholdResult,
  type ThresholdStep,
  type ThresholdFinal,
  type ThresholdVce,
  type ConfidenceSet,
  type CoefRow,
  type RegimeInfo,
} from './hansen.js';
export { thresholdModel, type ThresholdVars } from './model.js';
export { formatThreshold, thresholdJson } from './format.js';
export { balancePanel, within, type BalancedPanel, type Effects } from './panel.js';
export { rng, seedFrom, type Rng } from '../../random.js';
