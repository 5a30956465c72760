#!/usr/bin/env node
/** The `gvc` command line. Commands live in ./commands; errors print one sentence and exit 1. */
import { Command } from 'commander';
import { GvcError } from '../errors.js';
import { registerAll } from './commands.js';
import { useBestBackend } from '../node/backend.js';

async function main(argv: string[]): Promise<void> {
  await useBestBackend();
  const program = new Command();
  program
    .name('gvc')
    .description('Global value chains: MRIO tables, decompositions, indicators, econometrics and studies')
    .version('0.1.0')
    .showHelpAfterError();
  await registerAll(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((err: unknown) => {
  if (err instanceof GvcError) {
    process.stderr.write(`gvc: ${err.message}\n`);
  } else if (err instanceof Error) {
    process.stderr.write(`gvc: ${err.message}\n${process.env.GVC_DEBUG ? err.stack + '\n' : ''}`);
  } else {
    process.stderr.write(`gvc: ${String(err)}\n`);
  }
  process.exit(1);
});
