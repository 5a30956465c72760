/**
 * Node edge: download yearly MRIO release files from the publisher's URL pattern, resuming partial
 * downloads with HTTP Range requests and verifying SHA-256 checksums.
 *
 * Each database has a file-name pattern ({year}, {yy} = last two digits) and a default base URL (the
 * publisher's location at the time of writing; override with --base-url or GVC_FETCH_BASE_URL, e.g.
 * for a mirror or a test server). Checksums: when the base URL serves a SHA256SUMS manifest
 * ("<hex>  <file name>" per line) every file listed in it is verified; `--sha256 <manifest>` gives a
 * local manifest instead. A mismatch is an error and the file is kept as <name>.bad for inspection.
 * Every completed download gets <name>.sha256 beside it. Partial data lives in <name>.part until
 * complete, so an interrupted run resumes where it stopped (Range: bytes=N-; a server that ignores the
 * range answers 200 and the download restarts from zero).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { InputError, OptionError } from '../errors.js';

export interface DatabaseSpec {
  name: string;
  description: string;
  /** File name per year; {year} and {yy} are substituted. */
  pattern: string;
  baseUrl: string;
  years: [number, number];
}

export const DATABASES: DatabaseSpec[] = [
  { name: 'oecd2016', description: 'OECD ICIO 2016 release, one zipped CSV per year', pattern: 'ICIO2016_{year}.zip', baseUrl: 'https://www.oecd.org/sti/ind', years: [1995, 2011] },
  { name: 'wiod2013', description: 'WIOD 2013 release, world tables in Excel', pattern: 'wiot{yy}_row_sep12.xlsx', baseUrl: 'http://www.wiod.org/protected3/data13/wiot_analytic', years: [1995, 2011] },
  { name: 'exiobase3', description: 'EXIOBASE 3.8.2 product-by-product (Zenodo record 5589597)', pattern: 'IOT_{year}_pxp.zip', baseUrl: 'https://zenodo.org/records/5589597/files', years: [1995, 2022] },
  { name: 'exiobase3-ixi', description: 'EXIOBASE 3.8.2 industry-by-industry (Zenodo record 5589597)', pattern: 'IOT_{year}_ixi.zip', baseUrl: 'https://zenodo.org/records/5589597/files', years: [1995, 2022] },
];

export function parseYears(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const m = part.trim().match(/^(\d{4})(?:-(\d{4}))?$/);
    if (!m) throw new OptionError(`--years ${spec}: expected YEAR, YEAR-YEAR or a comma list of them.`);
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    if (b < a) throw new OptionError(`--years ${spec}: ${a}-${b} runs backwards.`);
    for (let y = a; y <= b; y++) out.push(y);
  }
  return [...new Set(out)];
}

export function fileNameFor(db: DatabaseSpec, year: number): string {
  return db.pattern.replace('{year}', String(year)).replace('{yy}', String(year % 100).padStart(2, '0'));
}

export function parseManifest(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim().match(/^([0-9a-fA-F]{64})\s+\*?(.+)$/);
    if (t) m.set(t[2].trim(), t[1].toLowerCase());
  }
  return m;
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await new Promise<void>((res, rej) => {
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => res())
      .on('error', rej);
  });
  return h.digest('hex');
}

export interface DownloadOptions {
  /** Progress lines go here (default: process.stderr). */
  log?: (s: string) => void;
  /** Abort a stalled transfer after this many ms without data (default 60 s). */
  timeoutMs?: number;
}

/** Download url to dest (resuming dest.part). Returns the number of bytes fetched in this call. */
export async function download(url: string, dest: string, opts: DownloadOptions = {}): Promise<number> {
  const log = opts.log ?? ((s: string) => process.stderr.write(s));
  const part = `${dest}.part`;
  const have = existsSync(part) ? statSync(part).size : 0;
  const ctrl = new AbortController();
  let timer = setTimeout(() => ctrl.abort(), opts.timeoutMs ?? 60_000);
  const bump = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctrl.abort(), opts.timeoutMs ?? 60_000);
  };
  try {
    const res = await fetch(url, { headers: have > 0 ? { Range: `bytes=${have}-` } : {}, signal: ctrl.signal });
    if (res.status === 416 && have > 0) {
      // the part file already holds everything
      renameSync(part, dest);
      return 0;
    }
    if (!res.ok || !res.body) throw new InputError(`${url}: the server answered HTTP ${res.status} ${res.statusText}.`);
    const resumed = res.status === 206 && have > 0;
    const start = resumed ? have : 0;
    const len = Number(res.headers.get('content-length') ?? NaN);
    const totalLen = Number.isFinite(len) ? start + len : NaN;
    const out = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
    let got = 0;
    let lastLog = 0;
    const name = dest.split(/[\\/]/).pop();
    if (resumed) log(`${name}: resuming at ${start} bytes\n`);
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bump();
        got += chunk.length;
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        const now = Date.now();
        if (now - lastLog > 500) {
          lastLog = now;
          const pct = Number.isFinite(totalLen) ? ` (${(((start + got) / totalLen) * 100).toFixed(1)}%)` : '';
          log(`${name}: ${start + got} bytes${pct}\n`);
        }
      }
    } finally {
      await new Promise<void>((r) => out.end(() => r()));
    }
    if (Number.isFinite(totalLen) && start + got !== totalLen) {
      throw new InputError(`${url}: the transfer stopped at ${start + got} of ${totalLen} bytes; run again to resume.`);
    }
    renameSync(part, dest);
    log(`${name}: done, ${start + got} bytes\n`);
    return got;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new InputError(`${url}: no data for ${(opts.timeoutMs ?? 60_000) / 1000} s; run again to resume.`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

export interface FetchOptions extends DownloadOptions {
  dir: string;
  years: number[];
  baseUrl?: string;
  /** Local manifest path; otherwise <base>/SHA256SUMS is tried. */
  manifest?: string;
}

/** Fetch every requested year of a database into dir; returns the file paths. */
export async function fetchDatabase(dbName: string, o: FetchOptions): Promise<string[]> {
  const db = DATABASES.find((d) => d.name === dbName);
  if (!db) throw new OptionError(`unknown database "${dbName}"; known: ${DATABASES.map((d) => d.name).join(', ')}.`);
  const log = o.log ?? ((s: string) => process.stderr.write(s));
  const base = (o.baseUrl ?? process.env.GVC_FETCH_BASE_URL ?? db.baseUrl).replace(/\/+$/, '');
  mkdirSync(o.dir, { recursive: true });
  let sums = new Map<string, string>();
  if (o.manifest) sums = parseManifest(readFileSync(o.manifest, 'utf8'));
  else {
    try {
      const r = await fetch(`${base}/SHA256SUMS`);
      if (r.ok) sums = parseManifest(await r.text());
    } catch {
      // no manifest: files are only hashed, not verified
    }
  }
  const out: string[] = [];
  for (const y of o.years) {
    if (y < db.years[0] || y > db.years[1]) throw new OptionError(`${db.name} covers ${db.years[0]}-${db.years[1]}; ${y} is outside.`);
    const name = fileNameFor(db, y);
    const dest = join(o.dir, name);
    const want = sums.get(name);
    if (existsSync(dest)) {
      const h = await sha256File(dest);
      if (!want || h === want) {
        log(`${name}: already present${want ? ', checksum ok' : ''}\n`);
        out.push(dest);
        continue;
      }
      log(`${name}: present but its checksum differs; downloading again\n`);
      unlinkSync(dest);
    }
    await download(`${base}/${name}`, dest, o);
    const h = await sha256File(dest);
    if (want && h !== want) {
      renameSync(dest, `${dest}.bad`);
      throw new InputError(`${dest}: SHA-256 ${h} does not match the manifest's ${want} (kept as ${name}.bad).`);
    }
    writeFileSync(`${dest}.sha256`, `${h}  ${name}\n`);
    out.push(dest);
  }
  return out;
}
