/** Mangling of real files for fuzz tests: bytes deleted, hostile tokens inserted, lines swapped or repeated, the file cut short. */
import fc from 'fast-check';

export const TOKENS = ['\n', '\t', '"', "'", ':', '- ', '[', ']', '{', '}', '&a', '*a', '!!binary', '%YAML', '<', '>', '<!DOCTYPE x [<!ENTITY e "v">]>', '&e;', '|', ',', '\\', '\u0000', '\u001b[2J', '\u202e', '\ufffd', 'constructor', '__proto__', 'toString', '1e400', '-1', 'NaN', 'null', '[[[[[[[[', '{"a":', '\r\n', '<<: *a', '?', '#'];

export const mangleArb = fc.array(
  fc.record({
    op: fc.constantFrom('delete', 'insert', 'swap', 'repeat', 'truncate'),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 30 }),
    token: fc.constantFrom(...TOKENS),
  }),
  { minLength: 1, maxLength: 4 },
);

export function mangle(text: string, ops: { op: string; at: number; len: number; token: string }[]): string {
  for (const { op, at, len, token } of ops) {
    const pos = at % Math.max(1, text.length);
    if (op === 'delete') text = text.slice(0, pos) + text.slice(pos + len);
    else if (op === 'insert') text = text.slice(0, pos) + token.repeat(1 + (len % 3)) + text.slice(pos);
    else if (op === 'truncate') text = text.slice(0, pos);
    else {
      const lines = text.split('\n');
      const i = pos % lines.length;
      const j = (i + len) % lines.length;
      if (op === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      else lines.splice(i, 0, ...Array.from({ length: len % 5 }, () => lines[j]!));
      text = lines.join('\n');
    }
  }
  return text;
}

