/**
 * A small, fast CSV tokenizer for numeric tables: comma (or given) separator, optional double quotes
 * (with "" escapes), CRLF or LF line ends. Pure: works on a string, so browsers can use it too.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Split one CSV line into fields. */
export function splitFields(line: string, sep = ','): string[] {
  if (line.indexOf('"') < 0) return line.split(sep);
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line[i] === '"') {
      let s = '';
      i++;
      while (i < n) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            s += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else s += line[i++];
      }
      out.push(s);
      if (line[i] === sep) i++;
      else if (i >= n) break;
    } else {
      const j = line.indexOf(sep, i);
      if (j < 0) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, j));
      i = j + 1;
      if (i === n) {
        out.push('');
        break;
      }
    }
  }
  return out;
}

/**
 * Parse a numeric cell; empty cells are 0. Returns NaN for anything that is not a number so the
 * caller can name the row and field in its error.
 */
export function parseCell(s: string): number {
  if (s === '') return 0;
  return Number(s);
}
