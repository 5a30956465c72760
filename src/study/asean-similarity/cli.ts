/**
 * Command-line adapter of `gvc study asean-similarity` (spec 5.5) for src/cli/commands/study.ts, which owns
 * the `study` command: it needs the flags --synthetic, --seed <n>, --noise <sd> and, for this study name,
 * a call of aseanCliAction(opts, options) instead of the generic runner. Usage errors (OptionError) are left
 * to the caller (exit 2); data errors (InputError) propagate (exit 1).
 */
import { runAsean } from './run.js';

export interface AseanCliFlags {
  data?: string;
  synthetic?: boolean;
  seed?: string;
  noise?: string;
  out: string;
  png?: boolean;
}

/** Run the study and print the one-line summary (and the headline FE slopes) on stdout. */
export async function aseanCliAction(flags: AseanCliFlags, options: Record<string, string> = {}): Promise<void> {
  const r = await runAsean({ ...flags, options });
  for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
  const fe = r.analysis.estimates.fe;
  const slopes = r.analysis.estimates.data.names.map((v) => `${v} ${fe.coef[v].toFixed(6)}`).join(', ');
  process.stdout.write(`asean-similarity: N = ${fe.nobs}, ${fe.groups} countries; FE slopes: ${slopes}\n`);
  process.stdout.write(`asean-similarity: ${r.written.length} files written to ${flags.out} in ${r.seconds.toFixed(1)} s (report: ${flags.out}/report.html)\n`);
}
