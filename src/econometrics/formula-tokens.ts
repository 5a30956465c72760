/**
 * Lexing helpers of the formula parser: tokens (numbers, names, `back-quoted names`, strings, operators)
 * and splitting on a top-level character (outside parentheses and quotes).
 */
import { InputError } from '../errors.js';

export type Tok = { t: 'num' | 'id' | 'str' | 'op'; v: string; pos: number };

export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/.exec(s.slice(i)) as RegExpExecArray;
      out.push({ t: 'num', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_.]/.test(c)) {
      const m = /^[A-Za-z_.][A-Za-z0-9_.]*/.exec(s.slice(i)) as RegExpExecArray;
      out.push({ t: 'id', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (c === '`') {
      const j = s.indexOf('`', i + 1);
      if (j < 0) throw new InputError(`formula '${s}': unterminated back-quoted name at position ${i + 1}.`);
      out.push({ t: 'id', v: s.slice(i + 1, j), pos: i });
      i = j + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const j = s.indexOf(c, i + 1);
      if (j < 0) throw new InputError(`formula '${s}': unterminated string at position ${i + 1}.`);
      out.push({ t: 'str', v: s.slice(i + 1, j), pos: i });
      i = j + 1;
      continue;
    }
    if ('+-*/^:(),=~|'.includes(c)) {
      out.push({ t: 'op', v: c, pos: i });
      i++;
      continue;
    }
    throw new InputError(`formula '${s}': unexpected character '${c}' at position ${i + 1}.`);
  }
  return out;
}

/** Split on a top-level character (not inside parentheses or quotes). */
export function splitTop(s: string, ch: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ch && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

