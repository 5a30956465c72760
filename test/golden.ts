/** Read decompr golden CSVs (quoted header, quoted labels, numeric values) into rows keyed by label columns. */
import { readText } from '../src/node/files.js';
import { splitFields, splitLines } from '../src/mrio/csv.js';

export interface GoldenTable {
  header: string[];
  rows: string[][];
}

export function readGolden(path: string): GoldenTable {
  const lines = splitLines(readText(path));
  return { header: splitFields(lines[0]), rows: lines.slice(1).map((l) => splitFields(l)) };
}

/** |a - b| <= rel * max(|a|, |b|) + abs */
export function close(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}
