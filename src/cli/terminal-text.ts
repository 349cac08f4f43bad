/**
 * Data text printed to a terminal is shown, never obeyed: control characters in a label or statement (an
 * ANSI escape could recolour, hide or rewrite the screen) are printed as visible \xNN escapes.
 * Newlines and tabs are kept; JSON output needs none of this (JSON.stringify escapes control characters).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
