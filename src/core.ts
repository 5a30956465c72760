/**
 * gvc's browser-safe core: plain TypeScript on strings, bytes and typed arrays, no Node built-ins.
 * `import { buildModel, decompose, feols } from 'gvc/core'`. The Node entry point (`gvc`) adds file readers,
 * the native BLAS backend and the study runner.
 */
export * from './errors.js';
export * from './linalg/index.js';
export * from './mrio/index.js';
export * from './decompose/index.js';
export * from './indicators/index.js';
export * from './econometrics/index.js';
export * as threshold from './econometrics/threshold/index.js';
export * as tools from './econometrics/tools/index.js';
export * from './report/regtable/index.js';
export * as deglob from './model/deglob/index.js';
