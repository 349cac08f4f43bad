import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal-text.js';

const GRAPH = 'tests/fixtures/hostile-terminal';
function mechkg(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', '--graph', GRAPH, ...args], { encoding: 'utf8', env: { ...process.env, MECHKG_NO_CACHE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
// Any C0/C1 control character other than newline and tab, or a bidi override.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('shows control characters as visible escapes and keeps newlines and tabs', () => {
    expect(terminalSafe('a\u001b[31mb\tc\nd\u0007\u202e')).toBe('a\\x1b[31mb\tc\nd\\x07\\x202e');
  });
});

describe('human CLI output of data with control characters', () => {
  it.each([
    ['paths', 'a', 'b'],
    ['show', 'a'],
    ['explain', 'a', 'b'],
    ['neighbors', 'a'],
    ['search', 'red'],
  ])('mechkg %s prints labels and statements without raw control characters', (...args) => {
    const r = mechkg(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\\x1b[31m');
    expect(r.stdout).not.toMatch(CONTROL);
  });

  it('escapes a hostile name echoed in an error message', () => {
    const r = mechkg('paths', 'x\u001b[2J', 'b');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x\\x1b[2J');
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it('keeps JSON output exact (JSON escapes control characters itself)', () => {
    const r = mechkg('show', 'a', '--json');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('red \\u001b[31mALERT');
  });
});
