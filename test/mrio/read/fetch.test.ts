/**
 * `gvc fetch` logic against a local HTTP server on 127.0.0.1 (node:http) serving mock files with a
 * SHA256SUMS manifest and Range support: download, resume of a partial file, checksum mismatch.
 * The server is closed after the suite; every request has a timeout.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDatabase, parseYears } from '../../../src/node/fetch.js';

const files = new Map<string, Buffer>([
  ['ICIO2016_2000.zip', Buffer.alloc(200_000, 7)],
  ['ICIO2016_2001.zip', Buffer.from('x'.repeat(50_000))],
]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let manifest = [...files].map(([n, b]) => `${sha(b)}  ${n}`).join('\n') + '\n';
const ranges: string[] = [];
let server: Server;
let base = '';
const tmp = mkdtempSync(join(tmpdir(), 'gvc-fetch-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    if (name === 'SHA256SUMS') {
      res.end(manifest);
      return;
    }
    const body = files.get(name);
    if (!body) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const m = (req.headers.range ?? '').match(/^bytes=(\d+)-$/);
    if (m) {
      ranges.push(`${name}:${m[1]}`);
      const start = Number(m[1]);
      res.writeHead(206, { 'content-length': body.length - start, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
      res.end(body.subarray(start));
      return;
    }
    res.writeHead(200, { 'content-length': body.length });
    res.end(body);
  });
  server.setTimeout(10_000);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(tmp, { recursive: true, force: true });
});

describe('fetch', () => {
  const quiet = { log: () => undefined, timeoutMs: 10_000 };

  it('parses year ranges', () => {
    expect(parseYears('2000-2002,2005')).toEqual([2000, 2001, 2002, 2005]);
    expect(() => parseYears('2002-2000')).toThrow(/backwards/);
  });

  it('downloads, verifies checksums and resumes a partial file with a Range request', async () => {
    const dir = join(tmp, 'a');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    // an interrupted earlier run left the first 80,000 bytes
    writeFileSync(join(dir, 'ICIO2016_2000.zip.part'), files.get('ICIO2016_2000.zip')!.subarray(0, 80_000));
    const got = await fetchDatabase('oecd2016', { dir, years: [2000, 2001], baseUrl: base, ...quiet });
    expect(got.map((p) => p.split(/[\\/]/).pop())).toEqual(['ICIO2016_2000.zip', 'ICIO2016_2001.zip']);
    expect(ranges).toContain('ICIO2016_2000.zip:80000');
    for (const [n, b] of files) {
      expect(readFileSync(join(dir, n)).equals(b)).toBe(true);
      expect(readFileSync(join(dir, `${n}.sha256`), 'utf8')).toContain(sha(b));
    }
    expect(existsSync(join(dir, 'ICIO2016_2000.zip.part'))).toBe(false);
  });

  it('rejects a file whose checksum does not match the manifest', async () => {
    const dir = join(tmp, 'b');
    manifest = manifest.replace(sha(files.get('ICIO2016_2001.zip')!), '0'.repeat(64));
    await expect(fetchDatabase('oecd2016', { dir, years: [2001], baseUrl: base, ...quiet })).rejects.toThrow(/SHA-256 .* does not match/);
    expect(existsSync(join(dir, 'ICIO2016_2001.zip.bad'))).toBe(true);
    await expect(fetchDatabase('oecd2016', { dir, years: [1990], baseUrl: base, ...quiet })).rejects.toThrow(/outside/);
    await expect(fetchDatabase('nope', { dir, years: [2001], baseUrl: base, ...quiet })).rejects.toThrow(/unknown database/);
  });
});
