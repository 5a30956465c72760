/** GVC indicators: participation and position, RCA, upstreamness, concentration, local shares, ESI, symbiosis, city transfer. */
export * from './participation.js';
export * from './rca.js';
export * from './upstreamness.js';
export * from './concentration.js';
export * from './localshares.js';
export * from './similarity.js';
export * from './symbiosis.js';
export * from './transfer.js';
export { countryIndex, sectorScope } from './common.js';
