/**
 * Layering: imports go one way (linalg -> mrio -> decompose, indicators -> econometrics -> report -> study -> cli),
 * and the numerical core uses no Node built-ins, so it can run in a browser. Node-only code lives in src/node
 * (plus the two file readers named below). This test reads the import statements of every source file.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './shared-data.js';

const SRC = join(REPO_ROOT, 'src');

/** Top-level folder (or file stem) -> the top-level folders it may import from. */
const ALLOWED: Record<string, string[]> = {
  errors: [],
  random: [],
  linalg: ['errors'],
  mrio: ['errors', 'linalg', 'random'],
  decompose: ['errors', 'linalg', 'mrio'],
  indicators: ['errors', 'linalg', 'mrio', 'decompose'],
  econometrics: ['errors', 'linalg', 'random'],
  report: ['errors', 'linalg', 'econometrics'],
  model: ['errors', 'linalg', 'report'],
  io: ['errors'],
  node: ['errors', 'linalg', 'mrio', 'decompose', 'indicators', 'econometrics', 'report', 'io', 'random'],
  study: ['errors', 'linalg', 'mrio', 'decompose', 'indicators', 'econometrics', 'report', 'model', 'io', 'node', 'random', 'study'],
  cli: ['errors', 'linalg', 'mrio', 'decompose', 'indicators', 'econometrics', 'report', 'model', 'io', 'node', 'study', 'random', 'cli'],
  core: ['errors', 'linalg', 'mrio', 'decompose', 'indicators', 'econometrics', 'report', 'model', 'random'],
  index: ['core', 'errors', 'linalg', 'mrio', 'decompose', 'indicators', 'econometrics', 'report', 'model', 'io', 'random', 'study', 'node'],
};

/** Files of the core allowed to use Node built-ins (file readers at the edge of their folder). */
const NODE_EDGE = new Set(['io/baci.ts']);
const CORE = ['linalg', 'mrio', 'decompose', 'indicators', 'econometrics', 'report', 'model', 'io', 'errors.ts', 'random.ts', 'core.ts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layer(rel: string): string {
  const top = rel.split('/')[0];
  return top.replace(/\.(ts|js)$/, '');
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  return out;
}

describe('architecture', () => {
  const all = files(SRC).map((p) => relative(SRC, p).split('\\').join('/'));

  it('every top-level module has a layer rule', () => {
    for (const f of all) expect(Object.keys(ALLOWED), f).toContain(layer(f));
  });

  it('imports only go to allowed layers', () => {
    const bad: string[] = [];
    for (const f of all) {
      const from = layer(f);
      for (const spec of imports(join(SRC, f))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(join(SRC, f)), spec)).split('\\').join('/');
        const to = layer(target);
        if (to !== from && !ALLOWED[from].includes(to)) bad.push(`${f} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the numerical core uses no Node built-ins', () => {
    const bad: string[] = [];
    for (const f of all) {
      if (!CORE.some((c) => f === c || f.startsWith(`${c}/`)) || NODE_EDGE.has(f)) continue;
      for (const spec of imports(join(SRC, f))) if (spec.startsWith('node:') || ['fs', 'path', 'zlib', 'os', 'child_process'].includes(spec)) bad.push(`${f} imports ${spec}`);
    }
    expect(bad).toEqual([]);
  });
});
