/**
 * Table arguments of CLI commands: a path (any format readTable detects), a directory or glob of yearly
 * files, or the word `demo` (the generated demo world) / `wiod2013[:YEAR]` (the embedded WIOD 2013 release).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { demoWorld } from '../mrio/demo.js';
import type { MrioTable } from '../mrio/table.js';
import { readTableFile } from '../node/read.js';

/** The package root (works from src/ under tsx and from dist/ after tsc). */
export function packageRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(d, 'package.json'))) return d;
    d = dirname(d);
  }
  throw new Error('cannot locate the gvc package root');
}

/** Paths of the embedded WIOD 2013 yearly files (1995-2011), optionally a subset of years. */
export function embeddedWiod(years?: number[]): string[] {
  const dir = join(packageRoot(), 'data', 'wiod2013');
  const all = readdirSync(dir).filter((f) => /^wiot_\d{4}\.csv\.gz$/.test(f)).sort();
  const pick = years ? all.filter((f) => years.includes(Number(f.slice(5, 9)))) : all;
  return pick.map((f) => join(dir, f));
}

/** Expand CLI table arguments into file paths or built-in names. */
export function expandTableArgs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === 'demo') out.push(a);
    else if (/^wiod2013(:\d{4}(-\d{4})?)?$/.test(a)) {
      const m = a.match(/:(\d{4})(?:-(\d{4}))?$/);
      const years = m ? range(Number(m[1]), Number(m[2] ?? m[1])) : undefined;
      const files = embeddedWiod(years);
      if (files.length === 0) {
        const all = embeddedWiod().map((f) => Number(basename(f).slice(5, 9)));
        throw new InputError(`${a}: the embedded WIOD 2013 release has no table for these years (it covers ${all[0]}-${all[all.length - 1]}).`);
      }
      out.push(...files);
    } else if (existsSync(a) && statSync(a).isDirectory() && readdirSync(a).some((f) => /\.(csv|csv\.gz)$/i.test(f)) && !looksLikeSourceFolder(a)) {
      out.push(...readdirSync(a).filter((f) => /\.(csv|csv\.gz)$/i.test(f)).sort().map((f) => join(a, f)));
    } else out.push(resolve(a));
  }
  return out;
}

function looksLikeSourceFolder(dir: string): boolean {
  // Database folders (Eora, EXIOBASE, GLORIA) are read whole by the format readers.
  return readdirSync(dir).some((f) => /^(labels_|Eora|A\.txt|GLORIA|file_parameters)/i.test(f));
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

/** Load one table argument. */
export async function loadTable(arg: string): Promise<MrioTable> {
  if (arg === 'demo') return demoWorld();
  if (!existsSync(arg)) throw new InputError(`${arg}: no such file or directory.`);
  return readTableFile(arg);
}
