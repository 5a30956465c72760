/** Loader of the native OpenBLAS addon (built by scripts/build-native.mjs); returns undefined when absent. */
import type { LinalgBackend } from '../linalg/index.js';

export function loadNativeBackend(): LinalgBackend | undefined {
  return undefined;
}
