/**
 * Node edge: read an MRIO table from disk. Delegates to the format-detecting reader (read-table.ts) when
 * present; the generic labeled CSV is the baseline format.
 */
import { parseLabeledCsv } from '../mrio/read/labeled-csv.js';
import type { MrioTable } from '../mrio/table.js';
import { readText, yearFromName } from './files.js';

export async function readTableFile(path: string): Promise<MrioTable> {
  try {
    const mod = (await import('./read-table.js' as string)) as { readTable?: (p: string) => MrioTable | Promise<MrioTable> };
    if (mod.readTable) return await mod.readTable(path);
  } catch (e) {
    if (!(e instanceof Error && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(String((e as NodeJS.ErrnoException).code ?? e.message)))) throw e;
  }
  return parseLabeledCsv(readText(path), { source: path, year: yearFromName(path) });
}
