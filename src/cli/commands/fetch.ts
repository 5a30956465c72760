/**
 * `gvc fetch <database> --years 2000-2011 --dir <dir> [--base-url URL] [--sha256 SHA256SUMS]`
 *
 * Download yearly release files (see src/node/fetch.ts for the URL patterns, resume and checksums).
 * Progress goes to stderr; the paths of the files are printed on stdout, one per line.
 */
import type { Command } from 'commander';
import { DATABASES, fetchDatabase, parseYears } from '../../node/fetch.js';

export function register(program: Command): void {
  program
    .command('fetch')
    .description(`download MRIO release files (${DATABASES.map((d) => d.name).join(', ')}) with resume and SHA-256 checks`)
    .argument('<database>', DATABASES.map((d) => `${d.name}: ${d.description}`).join('; '))
    .requiredOption('--years <years>', 'years, e.g. 2000-2011 or 2005,2010')
    .requiredOption('--dir <dir>', 'target folder')
    .option('--base-url <url>', 'override the publisher URL (also GVC_FETCH_BASE_URL)')
    .option('--sha256 <manifest>', 'local SHA256SUMS manifest to verify against')
    .action(async (database: string, opts: { years: string; dir: string; baseUrl?: string; sha256?: string }) => {
      const files = await fetchDatabase(database, { dir: opts.dir, years: parseYears(opts.years), baseUrl: opts.baseUrl, manifest: opts.sha256 });
      for (const f of files) process.stdout.write(`${f}\n`);
    });
}
