/** Value-added decompositions of gross exports (KWW 2014, WWZ 2013, Borin-Mancini 2019, Leontief). */
export { decompose, checkOptions, METHODS, LEVELS, METHOD_LEVELS, APPROACHES } from './router.js';
export type { Method, Level, Approach, DecomposeOptions, DecompResult, KeyColumn } from './router.js';
export { kww, KWW_TERMS, type KwwResult, type KwwTerm } from './kww.js';
export { wwz, WWZ_TERMS, WWZ_CHECKS, type WwzColumn } from './wwz.js';
export { bmBilateral, bmSector, bmCountry, fvaCoefficients, BM_TERMS, type BmTerm } from './bm.js';
export { bmSinkBilateral, bmSinkSector, BM_SINK_BILATERAL_TERMS, BM_SINK_SECTOR_TERMS, type BmSinkTerm } from './bm-sink.js';
export { leontiefExports } from './leontief.js';
export { decompBase, type DecompBase } from './shared.js';
export { checkSum, worstCheck, tableBalance, type IdentityCheck } from './identities.js';
export { tidy, tidyRows, stackYears, type TidyTable, type TidyColumn } from './tidy.js';
