/** The pure-TypeScript backend against independent facts (see suite.ts). */
import { describe, expect, it } from 'vitest';
import { linalg, pureBackend } from '../../src/linalg/index.js';
import { backendSuite } from './suite.js';

describe('pure-ts backend', () => {
  it('is the default backend of linalg()', () => {
    expect(pureBackend.name).toBe('pure-ts');
    expect(linalg().name).toBe('pure-ts');
  });
  backendSuite(() => pureBackend);
});
