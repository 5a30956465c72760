/**
 * Time numpy.linalg.inv on a matrix handed over as a raw little-endian float64 file, in a python3
 * child process. Returns undefined (with the reason) when python3 or numpy is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NumpyTiming {
  /** Seconds per numpy.linalg.inv call. */
  times: number[];
  /** Sum of all entries of the inverse, to cross-check against ours. */
  checksum: number;
  /** numpy's version and BLAS (e.g. "2.4.6 scipy-openblas 0.3.31"). */
  version: string;
}

const SCRIPT = `
import json, sys, time
import numpy as np
path, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
m = np.fromfile(path, dtype='<f8').reshape(n, n)
np.linalg.inv(np.eye(64) * 2.0 + 0.01)  # load LAPACK, start threads
times = []
for _ in range(reps):
    t = time.perf_counter()
    x = np.linalg.inv(m)
    times.append(time.perf_counter() - t)
try:
    blas = np.show_config(mode='dicts')['Build Dependencies']['blas']
    lib = f"{blas.get('name', '?')} {blas.get('version', '?')}"
except Exception:
    lib = '?'
print(json.dumps({'times': times, 'checksum': float(x.sum()), 'version': f'{np.__version__} {lib}'}))
`;

/** Probe once: is `python3 -c "import numpy"` usable? Returns a reason string when not. */
export function numpyUnavailable(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (r.error) return `python3 not runnable (${r.error.message})`;
  if (r.status !== 0) return `numpy not importable (${(r.stderr || '').trim().split('\n').pop()})`;
  return undefined;
}

/** A temporary raw little-endian float64 copy of a matrix for python3; `dispose()` removes it. */
export function writeMatrixFile(data: Float64Array): { file: string; dispose(): void } {
  if (new Uint8Array(new Float64Array([1]).buffer)[7] !== 0x3f) throw new Error('big-endian host not supported');
  const dir = mkdtempSync(join(tmpdir(), 'gvc-bench-'));
  const file = join(dir, 'matrix.f64');
  writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Time `reps` calls of numpy.linalg.inv on the n x n matrix in `file` (see writeMatrixFile). */
export function timeNumpyInverse(file: string, n: number, reps: number): NumpyTiming | string {
  const r = spawnSync('python3', ['-c', SCRIPT, file, String(n), String(reps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.error) return `python3 failed: ${r.error.message}`;
  if (r.status !== 0) return `python3 exited ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}`;
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as NumpyTiming;
}
