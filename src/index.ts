/**
 * gvc for Node: the core (see core.ts) plus file readers for every supported MRIO format, panel readers and
 * writers (CSV, Parquet, Stata .dta), the native OpenBLAS backend and the study runner.
 *
 *   import { readTable, useBestBackend, buildModel, decompose } from 'gvc';
 *   await useBestBackend();
 *   const m = buildModel(await readTable('wiot_2011.csv.gz'));
 *   const kww = decompose(m, { method: 'kww' });
 */
export * from './core.js';
export { useBestBackend } from './node/backend.js';
export { readTable, readSeries } from './node/read-table.js';
export { readPanel } from './node/read-panel.js';
export { readCsv } from './node/read-csv.js';
export { writeTableFile } from './node/write-table.js';
export { readText, readBytes, writeAtomic } from './node/files.js';
export { runStudy, studyNames } from './study/runner.js';
