/** Node edge: read an MRIO table from disk in any supported format (detected by read-table.ts). */
import type { MrioTable } from '../mrio/table.js';
import { readTable } from './read-table.js';

export async function readTableFile(path: string): Promise<MrioTable> {
  return await readTable(path);
}
