/** The dependency-free SVG line-chart writer (src/report/chart/svg.ts): well-formed XML, one path per series. */
import { describe, expect, it } from 'vitest';
import { escapeXml, lineChart, niceTicks, niceStep } from '../../src/report/chart/svg.js';
import { fig3Svg } from '../../src/model/deglob/index.js';

/**
 * A strict little XML well-formedness checker: balanced and properly nested tags, quoted attributes without
 * duplicates, no raw '<' or stray '&' in text or attribute values, exactly one root element.
 * Returns the element names in document order.
 */
function checkXml(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const entity = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
  const checkText = (t: string, where: string) => {
    for (let k = 0; k < t.length; k++) {
      if (t[k] === '<') throw new Error(`raw '<' in ${where}`);
      if (t[k] === '&') {
        entity.lastIndex = k;
        if (!entity.test(t)) throw new Error(`stray '&' in ${where}`);
      }
    }
  };
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    checkText(text, 'text');
    if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('?') || tag.startsWith('!--')) continue;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"]*")*)\s*$/.exec(body);
    if (!m) throw new Error(`malformed tag <${tag}>`);
    const attrNames = [...m[2].matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/g)].map((a) => {
      checkText(a[2], `attribute ${a[1]}`);
      return a[1];
    });
    if (new Set(attrNames).size !== attrNames.length) throw new Error(`duplicate attribute in <${m[1]}>`);
    if (stack.length === 0) roots++;
    names.push(m[1]);
    if (!selfClosing) stack.push(m[1]);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  return names;
}

const count = (names: string[], n: string) => names.filter((x) => x === n).length;

describe('lineChart', () => {
  const spec = {
    title: 'Effect of <trade> concentration & "GVC" participation',
    x: { label: 'μ (local share)' },
    y: { label: "GVCP, 2(N−1)T's" },
    series: [
      { name: 'N = 7', points: [[0, 1.2], [0.5, 0.93], [1, 0]] as [number, number][] },
      { name: 'N = 20 <&>', points: [[0, 1.29], [0.5, 0.98], [1, 0]] as [number, number][] },
      { name: 'N = 50', points: [[0, 1.32], [0.5, 1], [1, 0]] as [number, number][], dash: '6 3', markers: true },
    ],
  };

  it('is well-formed XML with one path per series, a legend entry each, and escaped text', () => {
    const svg = lineChart(spec);
    const names = checkXml(svg);
    expect(names[0]).toBe('svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(count(names, 'path')).toBe(3);
    expect(count(names, 'circle')).toBe(3);
    expect(svg).toContain('Effect of &lt;trade&gt; concentration &amp; &quot;GVC&quot; participation');
    expect(svg).toContain('N = 20 &lt;&amp;&gt;');
    expect(svg).toContain('μ (local share)');
    expect(svg).toContain('stroke-dasharray="6 3"');
    for (const n of ['N = 7', 'N = 50']) expect(svg.split(`>${n}<`).length - 1).toBe(2); // path title + legend
  });

  it('axes carry nice ticks covering the data', () => {
    const svg = lineChart(spec);
    // x: data on [0, 1], step 0.2; y: data on [0, 1.32], step 0.25, axis widened to 1.5.
    for (const t of ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']) expect(svg).toContain(`>${t}</text>`);
    for (const t of ['0.00', '0.25', '0.50', '0.75', '1.00', '1.25', '1.50']) expect(svg).toContain(`>${t}</text>`);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceStep(1.32, 5)).toBe(0.25);
    expect(niceTicks(-3, 7, 5)).toEqual([-2, 0, 2, 4, 6]);
    expect(niceTicks(0, 1, 4, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('breaks a line at missing values within the same path', () => {
    const svg = lineChart({
      x: {},
      y: {},
      series: [{ name: 'gappy', points: [[0, 1], [1, 2], [2, null], [3, NaN], [4, 3], [5, 2]] }],
    });
    const names = checkXml(svg);
    expect(count(names, 'path')).toBe(1);
    const d = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(2);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('handles degenerate input: no series, constant values, a single point, fixed ranges', () => {
    for (const s of [
      { x: { label: 'x' }, y: { label: 'y' }, series: [] },
      { x: {}, y: {}, series: [{ name: 'flat', points: [[0, 2], [1, 2]] as [number, number][] }] },
      { x: {}, y: {}, series: [{ name: 'one', points: [[3, 3]] as [number, number][] }] },
      { x: { min: 0, max: 10 }, y: { min: -1, max: 1, ticks: 4 }, series: [{ name: '', points: [[0, 5], [10, -5]] as [number, number][] }], legend: false },
    ]) {
      const svg = lineChart(s);
      const names = checkXml(svg);
      expect(count(names, 'path')).toBe(s.series.length);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('escapeXml escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('Figure 3 SVG: one path per N', () => {
    const names = checkXml(fig3Svg({ N: [7, 20, 50], v: 0.33 }));
    expect(count(names, 'path')).toBe(3);
    expect(count(checkXml(fig3Svg({ N: [2, 5, 10, 100], quantity: 'n1T' })), 'path')).toBe(4);
  });
});
