/**
 * Every CLI command, each in its own file under ./commands exporting `register(program)`.
 * To add a command: one import and one entry in COMMANDS.
 */
import type { Command } from 'commander';

type Register = (program: Command) => void;

const COMMANDS: Array<() => Promise<{ register: Register }>> = [
  () => import('./commands/info.js'),
  () => import('./commands/decompose.js'),
  () => import('./commands/indicators.js'),
  () => import('./commands/esi.js'),
  () => import('./commands/demo.js'),
  () => import('./commands/model.js'),
  () => import('./commands/threshold.js'),
  () => import('./commands/regress.js'),
  () => import('./commands/convert.js'),
  () => import('./commands/fetch.js'),
  () => import('./commands/study.js'),
];

export async function registerAll(program: Command): Promise<void> {
  for (const load of COMMANDS) (await load()).register(program);
}
