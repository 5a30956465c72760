/** Node edge: read text files (gzip by magic bytes), and write files atomically (temp file + rename). */
import { readFileSync, writeFileSync, renameSync, mkdirSync, existsSync, statSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GvcError, InputError } from '../errors.js';

/** An output file that cannot be written (the message names it). */
export class OutputError extends GvcError {}

export function readBytes(path: string): Buffer {
  if (!existsSync(path)) throw new InputError(`${path}: no such file.`);
  if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, expected a file.`);
  const raw = readFileSync(path);
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return gunzipSync(raw);
    } catch (e) {
      throw new InputError(`${path}: the gzip stream is corrupt or truncated (${(e as Error).message}).`);
    }
  }
  return raw;
}

export function readText(path: string): string {
  return readBytes(path).toString('utf8').replace(/^\uFEFF/, '');
}

/** Write a whole file or nothing: data goes to a temp file beside it, then is renamed into place. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path) || '.', `.${basename(path)}.${process.pid}.tmp`);
  try {
    const dir = dirname(path) || '.';
    if (existsSync(path) && statSync(path).isDirectory()) throw new Error('it is a directory');
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error(`${dir} is a file, not a folder`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is unusable: there is no temp file to remove
    }
    const err = e as NodeJS.ErrnoException;
    const why = err.code ? `${err.code}: ${err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : err.message;
    throw new OutputError(`cannot write ${path} (${why}); nothing was written.`);
  }
}

/** A four-digit year in a file name (1950-2099), e.g. wiot_2011.csv.gz -> 2011. */
export function yearFromName(path: string): number | undefined {
  const m = basename(path).match(/(?:^|[^0-9])((?:19[5-9]|20[0-9])[0-9])(?:[^0-9]|$)/);
  return m ? Number(m[1]) : undefined;
}
