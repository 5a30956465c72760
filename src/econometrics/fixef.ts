/**
 * Fixed-effect structures: factor codes per FE dimension, singleton removal, degrees of freedom.
 *
 * Singletons (reghdfe/fixest `fixef.rm = "singleton"`): an observation alone in its level of some FE
 * is perfectly fit and carries no information; such rows are dropped, repeatedly, until no FE level has
 * a single observation (dropping can create new singletons). The count is reported.
 *
 * Degrees of freedom absorbed by the FE (K_fe):
 *   one FE:        K_fe = G_1
 *   two FE:        K_fe = G_1 + G_2 - C, C = connected components of the bipartite graph linking the levels
 *                  of FE 1 and FE 2 that share an observation (exact: one redundant coefficient per component);
 *   three or more: K_fe = sum_q G_q - C_{12} - (Q - 2), i.e. exact redundancy between the first two FE and
 *                  one reference level per further FE. This can over-count K_fe (conservative, smaller
 *                  df), as in reghdfe's default when the other redundancies are not found by pairwise checks.
 * Redundant levels are attributed to FE 2..Q (FE 1 keeps all its levels), `redundant[q]` says how many.
 *
 * Nested-in-cluster rule (fixest `ssc(fixef.K = "nested")`, reghdfe): with clustered SE, an FE whose
 * every level lies inside one cluster is not counted in K for the small-sample factor (N-1)/(N-K),
 * because it is already accounted for by G/(G-1). See `nestedFixef`.
 */
import { column, combineFactors, factor, type DataFrame } from './frame.js';

export interface FixefDim {
  /** Display name, e.g. "firm" or "exporter^year". */
  name: string;
  codes: Int32Array;
  nlevels: number;
}

/** Codes of every FE (combined FE a^b become one factor) on the rows of df. */
export function buildFixef(df: DataFrame, fixef: readonly (readonly string[])[]): FixefDim[] {
  return fixef.map((vars) => {
    const f = combineFactors(vars.map((v) => factor(column(df, v))));
    return { name: vars.join('^'), codes: f.codes, nlevels: f.levels.length };
  });
}

/** Re-index codes to 0..L-1 on a subset of rows (levels that vanish are removed). */
export function subsetFixef(dims: readonly FixefDim[], rows: ArrayLike<number>): FixefDim[] {
  return dims.map((d) => {
    const map = new Int32Array(d.nlevels).fill(-1);
    const codes = new Int32Array(rows.length);
    let L = 0;
    for (let i = 0; i < rows.length; i++) {
      const c = d.codes[rows[i]];
      if (map[c] < 0) map[c] = L++;
      codes[i] = map[c];
    }
    return { name: d.name, codes, nlevels: L };
  });
}

/**
 * One pass over every FE dimension: mark rows alive in `alive` whose level holds a single alive row as dead.
 * Returns the number of rows dropped in this pass (0 when nothing changed).
 */
export function singletonPass(dims: readonly FixefDim[], alive: Uint8Array): number {
  const n = alive.length;
  let dropped = 0;
  for (const d of dims) {
    const cnt = new Int32Array(d.nlevels);
    for (let i = 0; i < n; i++) if (alive[i]) cnt[d.codes[i]]++;
    for (let i = 0; i < n; i++) {
      if (alive[i] && cnt[d.codes[i]] === 1) {
        alive[i] = 0;
        dropped++;
      }
    }
  }
  return dropped;
}

/** Row indices (ascending) of the rows still alive. */
export function aliveRows(alive: Uint8Array): Int32Array {
  let m = 0;
  for (let i = 0; i < alive.length; i++) m += alive[i];
  const rows = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < alive.length; i++) if (alive[i]) rows[k++] = i;
  return rows;
}

/** Iteratively drop singleton observations; returns kept row indices (ascending) and the count dropped. */
export function dropSingletons(dims: readonly FixefDim[], n: number): { rows: Int32Array; dropped: number } {
  const alive = new Uint8Array(n).fill(1);
  let dropped = 0;
  for (let pass = singletonPass(dims, alive); pass > 0; pass = singletonPass(dims, alive)) dropped += pass;
  return { rows: aliveRows(alive), dropped };
}

/** Number of connected components of the bipartite graph between two FE (levels linked by observations). */
export function connectedComponents(a: FixefDim, b: FixefDim): number {
  const n = a.nlevels + b.nlevels;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let comps = n;
  for (let i = 0; i < a.codes.length; i++) {
    const ra = find(a.codes[i]);
    const rb = find(a.nlevels + b.codes[i]);
    if (ra !== rb) {
      parent[ra] = rb;
      comps--;
    }
  }
  return comps;
}

export interface FixefDof {
  sizes: number[];
  /** Redundant (non-identified) levels attributed to each FE. */
  redundant: number[];
  /** K_fe = sum(sizes - redundant). */
  total: number;
}

/** Degrees of freedom absorbed by the fixed effects (rules in the file comment). */
export function fixefDof(dims: readonly FixefDim[]): FixefDof {
  const sizes = dims.map((d) => d.nlevels);
  const redundant = dims.map(() => 0);
  if (dims.length >= 2) {
    redundant[1] = connectedComponents(dims[0], dims[1]);
    for (let q = 2; q < dims.length; q++) redundant[q] = 1;
  }
  const total = sizes.reduce((s, g, q) => s + g - redundant[q], 0);
  return { sizes, redundant, total };
}

/** True when every level of the FE lies within a single cluster (cluster codes per row). */
export function isNestedIn(fe: FixefDim, cluster: Int32Array): boolean {
  const owner = new Int32Array(fe.nlevels).fill(-1);
  for (let i = 0; i < fe.codes.length; i++) {
    const c = fe.codes[i];
    if (owner[c] === -1) owner[c] = cluster[i];
    else if (owner[c] !== cluster[i]) return false;
  }
  return true;
}

/** Indices of FE nested in at least one of the cluster variables. */
export function nestedFixef(dims: readonly FixefDim[], clusters: readonly Int32Array[]): number[] {
  const out: number[] = [];
  dims.forEach((d, q) => {
    if (clusters.some((c) => isNestedIn(d, c))) out.push(q);
  });
  return out;
}
