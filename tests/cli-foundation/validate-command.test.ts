import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// These tests run the compiled CLI exactly as a user would (npm test compiles first).
function mechkg(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mechkg validate', () => {
  it('passes on the curated graph', () => {
    const r = mechkg('validate');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^valid: \d+ nodes, \d+ edges; 0 error\(s\)/m);
    expect(r.code).toBe(0);
  });

  it('lists every problem with file and line and exits non-zero', () => {
    const r = mechkg('validate', 'tests/fixtures/invalid-graph');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('modules/bad.yaml:8:15: error [unknown_category] alpha:');
    expect(r.stdout).toContain('modules/bad.yaml:14:19: error [malformed_curie] beta:');
    expect(r.stdout).toContain('modules/bad.yaml:18: error [dangling_endpoint] alpha--increases--gamma:');
    expect(r.stdout).toContain('modules/bad.yaml:20: error [unknown_source] alpha--increases--gamma:');
    expect(r.stdout).toMatch(/^invalid: 4 error\(s\)/m);
  });

  it('prints a JSON report with --json', () => {
    const r = mechkg('validate', 'tests/fixtures/invalid-graph', '--json');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: false, errors: 4 });
    expect(report.problems.map((p: { code: string }) => p.code).sort()).toEqual(['dangling_endpoint', 'malformed_curie', 'unknown_category', 'unknown_source']);
  });

  it('adds the curation report with --report, in text and in --json', () => {
    const text = mechkg('validate', '--report');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^causal edges: \d+$/m);
    expect(text.stdout).toMatch(/^ {2}with PMID\/DOI-backed support: \d+ \(\d+\.\d%\)$/m);
    expect(text.stdout).toMatch(/^unused sources: \d+$/m);
    const json = JSON.parse(mechkg('validate', '--report', '--json').stdout);
    expect(json.report.causalEdges).toBeGreaterThan(0);
    expect(json.report.citable.share).toBeGreaterThanOrEqual(0);
    expect(Object.keys(json.report)).toEqual(expect.arrayContaining(['evidenceKinds', 'onlySeedArticles', 'onlyReviewStatements', 'unverifiedIdentifiers', 'unusedSources']));
  });

  it('gives no report for a graph with errors, and says so', () => {
    const r = mechkg('validate', 'tests/fixtures/invalid-graph', '--report');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no curation report: the graph has errors');
  });

  it('names a missing directory in one line, without a stack trace', () => {
    const r = mechkg('validate', 'no/such/dir');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('mechkg: no/such/dir: no such file or directory');
  });
});

describe('mechkg --help', () => {
  it('describes the commands', () => {
    const r = mechkg('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate');
  });

  it('exits 2 on an unknown command', () => {
    const r = mechkg('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('multi-word names without quotes', () => {
  it.each([
    ['show', 'vitamin', 'B12'],
    ['regulators', 'insulin', 'resistance', '--depth', '1'],
    ['neighbors', 'syntaxin', '17'],
  ])('mechkg %s joins the words into one name', (...args) => {
    const r = mechkg(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});

describe('--avoid with a name that is neither a node nor a category', () => {
  it('exits 2 and names both possibilities, suggesting the near category', () => {
    const r = mechkg('paths', 'B12', 'autophagy', '--avoid', 'protien');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('neither a node nor a category');
    expect(r.stderr).toContain('did you mean the category "protein"');
  });
});
