/**
 * Theory module of the `deglobalization` study (spec sections 1.1-1.8): the symmetric N-country model of GVC
 * participation with intermediate inputs. Closed forms (leontief, exports, gvcp, partials, statics,
 * propositions) and the explicit-matrix numeric model (economy, numeric) check each other; fig3 reproduces the
 * paper's Figure 3; document builds the `deglob_model` output.
 */
export * from './params.js';
export * from './leontief.js';
export * from './exports.js';
export * from './gvcp.js';
export * from './partials.js';
export * from './statics.js';
export * from './propositions.js';
export * from './economy.js';
export * from './numeric.js';
export * from './csv.js';
export * from './fig3.js';
export * from './document.js';
export * from './qe.js';
