/**
 * The native OpenBLAS backend: the same independent-facts suite as the pure backend, then agreement
 * with the pure backend to 1e-12. Skipped (with a message) when the addon is not built, unless
 * GVC_REQUIRE_NATIVE=1, in which case its absence fails.
 */
import { describe, expect, it } from 'vitest';
import { SingularMatrixError } from '../../src/errors.js';
import { fromRows, identity, linalg, pureBackend } from '../../src/linalg/index.js';
import { useBestBackend } from '../../src/node/backend.js';
import { loadNativeBackend, nativeAddonPath } from '../../src/node/native.js';
import { diagDominant, iMinus, maxAbsDiff, randomMatrix } from './helpers.js';
import { backendSuite } from './suite.js';

const native = loadNativeBackend();
const required = process.env.GVC_REQUIRE_NATIVE === '1';
const why = nativeAddonPath()
  ? 'native/build/Release/gvc_openblas.node exists but does not load'
  : 'addon not built; install libopenblas-dev and run `npm run build:native`';

if (!native) console.warn(`[gvc] openblas backend tests skipped: ${why}.`);

it.runIf(required)('native backend is available (GVC_REQUIRE_NATIVE=1)', () => {
  expect(native, why).toBeDefined();
});

describe.skipIf(!native)(`openblas backend${native ? '' : ` (skipped: ${why})`}`, () => {
  const get = () => native!;

  it('reports its name, build and threads', () => {
    expect(get().name).toBe('openblas');
    expect(get().config).toMatch(/OpenBLAS/);
    expect(get().threads()).toBeGreaterThanOrEqual(1);
  });

  backendSuite(get);

  it('becomes the active backend through useBestBackend()', async () => {
    expect((await useBestBackend()).name).toBe(process.env.GVC_LINALG === 'pure' ? 'pure-ts' : 'openblas');
    expect(linalg().name).toBe((await useBestBackend()).name);
  });

  it('agrees with the pure backend to 1e-12 on random 200x200 diagonally dominant matrices', () => {
    for (const seed of [1, 2, 3]) {
      const A = diagDominant(200, seed);
      expect(maxAbsDiff(get().inverse(A), pureBackend.inverse(A)), `inverse seed ${seed}`).toBeLessThan(1e-12);
      const B = randomMatrix(200, 5, seed + 50);
      expect(maxAbsDiff(get().solve(A, B), pureBackend.solve(A, B)), `solve seed ${seed}`).toBeLessThan(1e-12);
    }
  });

  it('agrees with the pure backend on gemm for every transpose combination', () => {
    const A = randomMatrix(200, 150, 7);
    const B = randomMatrix(150, 120, 8);
    const At = randomMatrix(150, 200, 9);
    const Bt = randomMatrix(120, 150, 10);
    const cases = [
      [A, B, {}],
      [At, B, { transA: true }],
      [A, Bt, { transB: true }],
      [At, Bt, { transA: true, transB: true }],
    ] as const;
    for (const [a, b, o] of cases) {
      expect(maxAbsDiff(get().gemm(a, b, o), pureBackend.gemm(a, b, o)), JSON.stringify(o)).toBeLessThan(1e-12);
    }
  });

  it('agrees with the pure backend on which I - A are singular', () => {
    const cases = [
      fromRows([[0.5, 0.5], [0.5, 0.5]]),
      fromRows([[0.2, 0.6, 0.5], [0.3, 0.1, 0.25], [0.5, 0.3, 0.25]]),
      fromRows([[0.2, 0.3, 0.2], [0.4, 0.1, 0.2], [0.1, 0.3, 0.2]]),
    ];
    for (const A of cases) {
      const M = iMinus(A);
      const verdict = (f: () => unknown) => {
        try {
          f();
          return 'ok';
        } catch (e) {
          return e instanceof SingularMatrixError ? 'singular' : String(e);
        }
      };
      const p = verdict(() => pureBackend.inverse(M));
      expect(verdict(() => get().inverse(M))).toBe(p);
      expect(verdict(() => get().solve(M, identity(M.rows)))).toBe(p);
    }
  });
});
