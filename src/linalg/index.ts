/** Dense linear algebra: matrices, the backend interface and the pure-TS fallback. */
import { setFallback } from './backend.js';
import { pureBackend } from './pure.js';

setFallback(() => pureBackend);

export * from './matrix.js';
export { linalg, setBackend, type LinalgBackend, type GemmOptions } from './backend.js';
export { pureBackend, luFactor, luSolve, type LuFactors } from './pure.js';
