/**
 * The study runner's contract: one declarative module per study (src/study/<name>/index.ts) exporting a
 * StudyDefinition. The runner resolves inputs, hands the study a context (file reading with provenance,
 * progress on stderr, options), and writes whatever the study returns: the tidy panel, each estimate as
 * JSON, paper-style tables, figures and one self-contained report.html.
 */
import type { DataFrame } from '../econometrics/frame.js';
import type { PaperTable } from './table.js';

export interface StudyContext {
  /** Input files resolved from --data (or the study's default data), sorted. */
  files: string[];
  /** --years: the estimation window [first, last] when given. */
  years?: [number, number];
  /** --countries: partner list override. */
  countries?: string[];
  /** --option key=value pairs (and study-specific flags such as sectors). */
  options: Record<string, string>;
  /** Read a (possibly gzipped) text file; recorded in the provenance with its sha256. */
  readText(path: string): string;
  /** One progress line on stderr. */
  progress(message: string): void;
}

export interface Figure {
  /** File stem, e.g. symbiosis_fig2_regions. */
  id: string;
  title: string;
  /** One SVG per panel (the report shows them side by side; files are <id>_<k>.svg when several). */
  panels: Array<{ name: string; svg: string }>;
  /** Tidy CSV of the plotted values. */
  csv: string;
  caption?: string;
}

export interface Estimate {
  /** Unique id, e.g. table1_col4. */
  id: string;
  table: string;
  column: string;
  /** Plain JSON-serializable result (coefficients, SE, N, R2, diagnostics). */
  result: Record<string, unknown>;
}

export interface Provenance {
  /** Largest residuals of accounting identities, by name. */
  identities: Record<string, number>;
  /** Observations dropped from the main sample, by reason. */
  dropped: Record<string, number>;
  /** Free-form notes (data choices, stand-ins, what is not available). */
  notes: string[];
}

export interface StudyResult {
  title: string;
  panel: { name: string; columns: readonly string[]; frame: DataFrame };
  estimates: Estimate[];
  tables: PaperTable[];
  figures: Figure[];
  provenance: Provenance;
}

export interface StudyDefinition {
  name: string;
  title: string;
  /** One line on what data the study reads (shown in --help and the report). */
  dataNeeds: string;
  /** Default input files when --data is not given (shipped with the package). */
  defaultData(): string[];
  run(ctx: StudyContext): Promise<StudyResult>;
}
