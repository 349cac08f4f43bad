/**
 * JSON.parse that keeps integers beyond 2^53 exact, as text: CX2 ids are 64-bit ("long") and JavaScript numbers
 * hold 53 bits, so 9007199254740993 would silently read as 9007199254740992, another node's id. Only integer
 * literals outside strings that are not safe integers are turned into strings; everything else parses as JSON.parse.
 */
export function parseJsonExactIntegers(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if (c !== 45 && (c < 48 || c > 57)) continue; // a number starts with - or a digit
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
    const token = text.slice(i, end);
    if (/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
      out += text.slice(from, i) + `"${token}"`;
      from = end;
    }
    i = end - 1;
  }
  return JSON.parse(from === 0 ? text : out + text.slice(from));
}
