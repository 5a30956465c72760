/**
 * Node edge: pick the fastest linear algebra backend. The native OpenBLAS addon (native/) is optional;
 * when it is missing or fails to load, the pure-TS backend stays active. GVC_LINALG=pure forces the fallback.
 */
import { setBackend, linalg, type LinalgBackend } from '../linalg/index.js';

let tried = false;

export async function useBestBackend(): Promise<LinalgBackend> {
  if (!tried) {
    tried = true;
    if (process.env.GVC_LINALG !== 'pure') {
      try {
        const mod = await import('./native.js');
        const b = mod.loadNativeBackend();
        if (b) setBackend(b);
      } catch {
        // native addon absent: keep the pure backend
      }
    }
  }
  return linalg();
}
