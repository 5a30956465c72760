import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStataName, stataNames, writeDta, dtaTimestamp } from '../../src/report/dta-writer.js';
import { parseDta } from '../../src/node/dta-read.js';

const dir = mkdtempSync(join(tmpdir(), 'gvc-dta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const long = 'x'.repeat(3000);
const input = {
  names: ['country', 'year', 'va share', '2nd', 'if', 'note', 'ünïcode'],
  columns: {
    country: ['ARG', 'BRA', '', 'CHN'],
    year: Float64Array.from([2000, 2001, 2002, 2003]),
    'va share': Float64Array.from([0.25, NaN, -1e-300, 1.7976931348623157e308]),
    '2nd': [1, null, 3, Infinity],
    if: ['α-β', 'plain', 'α-β', ''],
    note: [long, '', 'short', long],
    'ünïcode': Float64Array.from([1, 2, 3, 4]),
  },
  nrow: 4,
};

describe('Stata names', () => {
  it('validates and sanitizes names, keeping valid ones and reporting renames', () => {
    expect(isStataName('gdp_2010')).toBe(true);
    expect(isStataName('_x')).toBe(true);
    expect(isStataName('2x')).toBe(false);
    expect(isStataName('a'.repeat(33))).toBe(false);
    expect(isStataName('in')).toBe(false);
    expect(isStataName('str12')).toBe(false);
    const { names, renames } = stataNames(['a b', 'a_b', 'x'.repeat(40), 'x'.repeat(40), '', '9lives', 'long', 'a-b']);
    expect(names).toEqual(['a_b_2', 'a_b', 'x'.repeat(32), `${'x'.repeat(30)}_2`, 'var', '_9lives', 'long_', 'a_b_3']);
    expect(renames.map((r) => r.from)).toEqual(['a b', 'x'.repeat(40), 'x'.repeat(40), '', '9lives', 'long', 'a-b']);
    for (const n of names) expect(isStataName(n)).toBe(true);
    expect(dtaTimestamp(new Date(Date.UTC(2024, 2, 7, 14, 5)))).toBe('07 Mar 2024 14:05');
  });
});

describe('dta writer (format 118)', () => {
  const res = writeDta(input, {
    datasetLabel: 'GVC panel',
    variableLabels: { year: 'Year', 'va share': 'Value-added share (%)', country: 'ISO3 — country' },
  });

  it('writes a well-framed little-endian format-118 file, deterministically', () => {
    const want = '<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>';
    expect(new TextDecoder().decode(res.bytes.subarray(0, want.length))).toBe(want);
    const view = new DataView(res.bytes.buffer, res.bytes.byteOffset);
    expect(view.getUint16(want.length, true)).toBe(7); // K, little-endian
    expect(view.getBigUint64(want.length + 2 + '</K><N>'.length, true)).toBe(4n); // N, 8 bytes in format 118
    expect(new TextDecoder().decode(res.bytes.subarray(res.bytes.length - 12))).toBe('</stata_dta>');
    expect(writeDta(input, { datasetLabel: 'GVC panel', variableLabels: { year: 'Year', 'va share': 'Value-added share (%)', country: 'ISO3 — country' } }).bytes).toEqual(res.bytes);
    expect(res.names).toEqual(['country', 'year', 'va_share', '_2nd', 'if_', 'note', 'unicode']);
    expect(res.renames).toEqual([
      { from: 'va share', to: 'va_share' },
      { from: '2nd', to: '_2nd' },
      { from: 'if', to: 'if_' },
      { from: 'ünïcode', to: 'unicode' },
    ]);
    expect(res.notes.join('\n')).toMatch(/_2nd: 1 value\(s\) beyond Stata's double range/);
  });

  it('round-trips through the reader: values, missing, str#, strL, labels', () => {
    const d = parseDta(res.bytes);
    expect(d.release).toBe(118);
    expect(d.names).toEqual(res.names);
    expect(d.datasetLabel).toBe('GVC panel');
    expect(d.timestamp).toBe('');
    expect(d.types).toEqual({ country: 'str3', year: 'double', va_share: 'double', _2nd: 'double', if_: 'str5', note: 'strL', unicode: 'double' });
    expect(d.variableLabels.year).toBe('Year');
    expect(d.variableLabels.va_share).toBe('Value-added share (%)');
    expect(d.variableLabels.country).toBe('ISO3 — country');
    expect(d.variableLabels.note).toBe('');
    const c = d.frame.columns;
    expect(d.frame.nrow).toBe(4);
    expect(c.country).toEqual(['ARG', 'BRA', '', 'CHN']);
    expect(Array.from(c.year as Float64Array)).toEqual([2000, 2001, 2002, 2003]);
    const v = c.va_share as Float64Array;
    expect(v[0]).toBe(0.25);
    expect(Number.isNaN(v[1])).toBe(true);
    expect(v[2]).toBe(-1e-300);
    expect(Number.isNaN(v[3])).toBe(true); // above Stata's largest non-missing double
    const s = c._2nd as Float64Array;
    expect(s[0]).toBe(1);
    expect(Number.isNaN(s[1])).toBe(true);
    expect(s[2]).toBe(3);
    expect(Number.isNaN(s[3])).toBe(true);
    expect(c.if_).toEqual(['α-β', 'plain', 'α-β', '']);
    expect(c.note).toEqual([long, '', 'short', long]);
  });

  it('writes an empty dataset and a timestamp when asked', () => {
    const r = writeDta({ columns: { a: new Float64Array(0), b: [] as string[] }, nrow: 0 }, { timestamp: new Date(Date.UTC(2020, 0, 2, 3, 4)) });
    const d = parseDta(r.bytes);
    expect(d.frame.nrow).toBe(0);
    expect(d.timestamp).toBe('02 Jan 2020 03:04');
    expect(d.types).toEqual({ a: 'double', b: 'double' });
  });

  it('cuts labels longer than 80 characters and says so', () => {
    const r = writeDta({ columns: { a: [1] }, nrow: 1 }, { datasetLabel: 'é'.repeat(100), variableLabels: { a: 'z'.repeat(90) } });
    const d = parseDta(r.bytes);
    expect(d.datasetLabel).toBe('é'.repeat(80));
    expect(d.variableLabels.a).toBe('z'.repeat(80));
    expect(r.notes).toHaveLength(2);
  });
});

/** A python3 that has pandas, or undefined. */
function pythonWithPandas(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(py, ['-c', 'import pandas'], { stdio: 'ignore' });
      return py;
    } catch {
      /* next */
    }
  }
  return undefined;
}

const py = pythonWithPandas();
if (!py) console.warn('[dta] pandas not available to python3: skipping the independent pandas.read_stata check');

describe.skipIf(!py)('dta writer checked by pandas.read_stata', () => {
  it('pandas reads the same values, names, labels and dataset label', () => {
    const res = writeDta(input, { datasetLabel: 'GVC panel', variableLabels: { year: 'Year', 'va share': 'Value-added share (%)' } });
    const path = join(dir, 'panel.dta');
    writeFileSync(path, res.bytes);
    const script = `
import json, math, sys
import pandas as pd
df = pd.read_stata(sys.argv[1], convert_missing=False)
with pd.io.stata.StataReader(sys.argv[1]) as r:
    labels = r.variable_labels()
    dlabel = r.data_label
cols = {}
for c in df.columns:
    vals = []
    for v in df[c].tolist():
        if isinstance(v, float) and math.isnan(v):
            vals.append(None)
        else:
            vals.append(v)
    cols[c] = vals
print(json.dumps({"names": list(df.columns), "cols": cols, "labels": labels, "dlabel": dlabel}))
`;
    const out = JSON.parse(execFileSync(py!, ['-c', script, path], { encoding: 'utf8' })) as {
      names: string[];
      cols: Record<string, Array<number | string | null>>;
      labels: Record<string, string>;
      dlabel: string;
    };
    expect(out.names).toEqual(res.names);
    expect(out.dlabel).toBe('GVC panel');
    expect(out.labels.year).toBe('Year');
    expect(out.labels.va_share).toBe('Value-added share (%)');
    expect(out.cols.country).toEqual(['ARG', 'BRA', '', 'CHN']);
    expect(out.cols.year).toEqual([2000, 2001, 2002, 2003]);
    expect(out.cols.va_share).toEqual([0.25, null, -1e-300, null]);
    expect(out.cols._2nd).toEqual([1, null, 3, null]);
    expect(out.cols.if_).toEqual(['α-β', 'plain', 'α-β', '']);
    expect(out.cols.note).toEqual([long, '', 'short', long]);
  });
});
