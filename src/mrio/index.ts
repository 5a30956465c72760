/** MRIO tables: the data model, validation, diagnostics, aggregation, groups, the Leontief model, demo data. */
export type { MrioTable, LabeledRows } from './table.js';
export { dims, rowLabel, finalDemandByCountry } from './table.js';
export { buildTable, type MrioInput } from './build.js';
export { diagnose, type Diagnostics, type Residual } from './diagnose.js';
export { aggregate, parseMapping, type AggregationSpec } from './aggregate.js';
export { COUNTRY_GROUPS, COUNTRY_ALIASES, WIOD_TECH_CLASS, resolveCountries, groupMapping } from './groups.js';
export { buildModel, technicalCoefficients, iMinus, ghosh, type IoModel, type ModelOptions } from './model.js';
export { demoWorld, DEMO_COUNTRIES, DEMO_SECTORS, type DemoOptions } from './demo.js';
export { summarize, formatSummary, type TableSummary } from './summary.js';
export { parseLabeledCsv, type ReadOptions } from './read/labeled-csv.js';
export { toLabeledCsv } from './write/labeled-csv.js';
