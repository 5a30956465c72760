/** `gvc model deglob` (src/cli/commands/model.ts): the model document and the Figure 3 files. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/model.js';
import { OptionError } from '../../src/errors.js';

async function run(args: string[]): Promise<string> {
  const program = new Command();
  program.exitOverride();
  register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('gvc model deglob', () => {
  it('--json prints the deglob_model document', async () => {
    const out = await run(['model', 'deglob', '--N', '7', '--omega', '0.7', '--mu', '0.6', '--v', '0.33', '--G', '2,0.5,1,1,1,1,1', '--json']);
    const d = JSON.parse(out);
    expect(d.T).toBeCloseTo(0.06950207469, 10);
    expect(d.symmetric.gvcp_symmetric).toBeCloseTo(0.8340248963, 10);
    expect(d.countries[0].gvcp).toBeCloseTo(0.8730005695, 10);
    expect(d.partials.df_dv).toBeCloseTo(0.02564102564, 10);
    expect(d.statics.x_fixed.omega.sign).toBe(-1);
    expect(d.statics.paper_claim).toHaveLength(4);
  });

  it('--out writes the Figure 3 data, tidy CSV, SVG and (when resvg loads) PNG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gvc-deglob-'));
    dirs.push(dir);
    const out = await run(['model', 'deglob', '--N', '7,20,50', '--v', '0.33', '--out', dir]);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(expect.arrayContaining(['deglob_fig3.csv', 'deglob_fig3.svg', 'deglob_fig3_tidy.csv']));
    const csv = (await readFile(join(dir, 'deglob_fig3.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('N,mu,v,T,N_minus_1_T,gvcp_symmetric');
    expect(csv).toHaveLength(1 + 303);
    const row = csv.find((l) => l.startsWith('50,0.5,'))?.split(',') ?? [];
    expect(Number(row[5])).toBeCloseTo(0.997266, 6);
    const tidy = (await readFile(join(dir, 'deglob_fig3_tidy.csv'), 'utf8')).trim().split('\n');
    expect(tidy[0]).toBe('N,mu,v,variable,value');
    expect(tidy).toHaveLength(1 + 909);
    const svg = await readFile(join(dir, 'deglob_fig3.svg'), 'utf8');
    expect(svg.match(/<path /g)).toHaveLength(3);
    if (files.includes('deglob_fig3.png')) {
      const png = await readFile(join(dir, 'deglob_fig3.png'));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    } else {
      expect(out).toContain('PNG skipped');
    }
  });

  it('refuses bad input with an OptionError', async () => {
    await expect(run(['model', 'deglob', '--N', '7', '--omega', '0.7', '--mu', '1.5', '--v', '0.33'])).rejects.toThrow(OptionError);
    await expect(run(['model', 'deglob', '--N', '7,20', '--omega', '0.7', '--mu', '0.5', '--v', '0.33'])).rejects.toThrow(OptionError);
    await expect(run(['model', 'deglob', '--N', 'seven', '--omega', '0.7', '--mu', '0.5', '--v', '0.33'])).rejects.toThrow(OptionError);
  });
});
