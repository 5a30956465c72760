#!/usr/bin/env node
/** The `gvc` command line. Commands live in ./commands; errors print one sentence; exit 1 for data errors, 2 for usage errors. */
import { Command } from 'commander';
import { CommanderError } from 'commander';
import { GvcError, OptionError } from '../errors.js';
import { registerAll } from './commands.js';
import { useBestBackend } from '../node/backend.js';

async function main(argv: string[]): Promise<void> {
  await useBestBackend();
  const program = new Command();
  program
    .name('gvc')
    .description('Global value chains: MRIO tables, decompositions, indicators, econometrics and studies')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride((err: CommanderError) => {
      // help and version exit 0; every other commander error is a usage error: exit 2
      process.exit(err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2);
    });
  await registerAll(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((err: unknown) => {
  if (err instanceof OptionError) {
    process.stderr.write(`gvc: ${err.message}\n`);
    process.exit(2);
  } else if (err instanceof GvcError) {
    process.stderr.write(`gvc: ${err.message}\n`);
  } else if (err instanceof Error) {
    process.stderr.write(`gvc: ${err.message}\n${process.env.GVC_DEBUG ? err.stack + '\n' : ''}`);
  } else {
    process.stderr.write(`gvc: ${String(err)}\n`);
  }
  process.exit(1);
});
