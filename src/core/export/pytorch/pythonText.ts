// Python source text from values: string and value literals that survive any column name.

/** A JSON-like value that has a Python literal. */
export type PyValue = null | boolean | number | string | readonly PyValue[] | { readonly [key: string]: PyValue };

/**
 * A double-quoted Python string literal of `s`, ASCII only: JSON's escapes are Python's, and every non-ASCII code
 * point becomes \uXXXX or \UXXXXXXXX (a surrogate pair written as two \u escapes would be two characters in Python).
 */
export function pyString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x7f) out += JSON.stringify(ch).slice(1, -1);
    else out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `"${out}"`;
}

/** A Python literal of a JSON-like value on one line (None, True/False, ints, floats, lists, dicts). */
export function pyLiteral(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} has no Python literal here`);
    return String(value);
  }
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, PyValue>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`).join(', ')}}`;
}

/** A list literal with one item per line, indented by `indent` spaces (readable constants of the generated code). */
export function pyListLines(items: readonly PyValue[], indent: number): string {
  if (items.length === 0) return '[]';
  const pad = ' '.repeat(indent + 4);
  return `[\n${items.map((v) => `${pad}${pyLiteral(v)},`).join('\n')}\n${' '.repeat(indent)}]`;
}
