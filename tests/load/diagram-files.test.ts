/** graph/layout and graph/lessons files go through the same loader as modules: located errors, never partial. */
import { describe, expect, it } from 'vitest';
import { tryLoadGraphFromFiles, type GraphFile, type Problem } from '../../src/index.js';
import { loadGraph } from '../../src/node.js';

const SOURCES = `sources:
  - id: src-a
    kind: textbook
    title: A textbook
`;
const MODULE = `module:
  id: mini
  title: Mini
  summary: A two-node module for tests.
nodes:
  - id: alpha
    label: Alpha
    category: small_molecule
    description: First node.
  - id: beta
    label: Beta
    category: protein
    description: Second node.
edges:
  - source: alpha
    predicate: increases
    target: beta
    evidence:
      - source: src-a
        kind: established_biochemistry
        statement: Alpha raises beta.
`;
const LAYOUT = `compartments:
  - id: cell
    label: Cell
    kind: compartment
    column: 0
    row: 0
    nodes: [alpha]
  - id: blood
    label: Blood
    kind: compartment
    column: 1
    row: 0
    nodes: [beta]
defaults:
  fallback: cell
`;
const LESSON = `lesson:
  id: mini-lesson
  title: A mini lesson
  audience: tests
steps:
  - title: One
    sentence: Alpha raises beta.
    path: { from: alpha, to: beta }
    citations: [src-a]
  - title: Two
    sentence: Look at alpha.
    focus: alpha
    compartment: cell
`;

function load(extra: GraphFile[]) {
  return tryLoadGraphFromFiles([{ path: 'sources.yaml', text: SOURCES }, { path: 'modules/mini.yaml', text: MODULE }, ...extra], 'test');
}
const errors = (problems: Problem[]) => problems.filter((p) => p.level === 'error').map((p) => `${p.file}:${p.line} ${p.code} ${p.id}: ${p.message}`);

describe('layout and lesson files', () => {
  it('a valid layout and lesson load onto the graph', () => {
    const r = load([{ path: 'layout/compartments.yaml', text: LAYOUT }, { path: 'lessons/mini.yaml', text: LESSON }]);
    expect(r.ok && errors(r.problems)).toEqual([]);
    if (!r.ok) return;
    expect(r.graph.getAttribute('layout')?.compartments.map((c) => c.id)).toEqual(['cell', 'blood']);
    expect(r.graph.getAttribute('lessons')?.map((l) => l.lesson.id)).toEqual(['mini-lesson']);
  });

  it('a compartment listing an unknown node warns at its file and line with a suggestion, and the graph still loads', () => {
    const r = load([{ path: 'layout/compartments.yaml', text: LAYOUT.replace('nodes: [beta]', 'nodes: [betaa]') }]);
    expect(r.ok).toBe(true);
    const warnings = r.problems.filter((p) => p.level === 'warning').map((p) => `${p.file}:${p.line} ${p.code} ${p.id}: ${p.message}`);
    expect(warnings).toEqual([expect.stringMatching(/^layout\/compartments\.yaml:13 dangling_endpoint compartment blood: "betaa" is not a node defined in any module \(did you mean "beta"\?\); the listing is ignored/)]);
  });

  it('a node placed in two compartments is an error at the second place', () => {
    const r = load([{ path: 'layout/compartments.yaml', text: LAYOUT.replace('nodes: [beta]', 'nodes: [beta, alpha]') }]);
    expect(errors(r.problems)).toEqual([expect.stringMatching(/^layout\/compartments\.yaml:13 duplicate_id alpha: node is already placed in compartment "cell"/)]);
  });

  it('lesson steps: unknown nodes, sources and compartments are located; bad fields are schema errors', () => {
    const bad = LESSON.replace('to: beta', 'to: gamma').replace('[src-a]', '[src-b]').replace('compartment: cell', 'compartment: liver').replace('sentence: Look at alpha.', 'sentense: Look at alpha.');
    const r = load([{ path: 'layout/compartments.yaml', text: LAYOUT }, { path: 'lessons/mini.yaml', text: bad }]);
    expect(r.ok).toBe(false);
    const e = errors(r.problems);
    expect(e.some((x) => /^lessons\/mini\.yaml:1[0-3] invalid_field/.test(x) && /sentense|sentence/.test(x))).toBe(true);
    // With the schema error the step list is rejected as a whole; fix it and the references are checked.
    const r2 = load([{ path: 'layout/compartments.yaml', text: LAYOUT }, { path: 'lessons/mini.yaml', text: bad.replace('sentense:', 'sentence:') }]);
    expect(errors(r2.problems)).toEqual([
      expect.stringMatching(/^lessons\/mini\.yaml:8 dangling_endpoint lesson mini-lesson step 1 path\.to: "gamma" is not a node/),
      expect.stringMatching(/^lessons\/mini\.yaml:9 unknown_source lesson mini-lesson step 1 citations: "src-b" is not in sources\.yaml \(did you mean "src-a"\?\)/),
      expect.stringMatching(/^lessons\/mini\.yaml:13 dangling_endpoint lesson mini-lesson step 2 compartment: "liver" is not a compartment in layout\/compartments\.yaml/),
    ]);
  });

  it('lesson steps with observations and a hypothesis: unknown nodes are located, and a hypothesis needs changed observations', () => {
    const steps = `
  - title: Three
    sentence: What explains beta?
    observations:
      - { node: beta, direction: up }
      - { node: gama, direction: down }
    hypothesis: { node: alfa, direction: up }
  - title: Four
    sentence: Nothing changed.
    observations: [{ node: beta, direction: unchanged }]
    hypothesis: { node: alpha, direction: down }
`;
    const r = load([{ path: 'layout/compartments.yaml', text: LAYOUT }, { path: 'lessons/mini.yaml', text: LESSON + steps.slice(1) }]);
    expect(errors(r.problems)).toEqual([
      expect.stringMatching(/^lessons\/mini\.yaml:18 dangling_endpoint lesson mini-lesson step 3 observations: "gama" is not a node/),
      expect.stringMatching(/^lessons\/mini\.yaml:19 dangling_endpoint lesson mini-lesson step 3 hypothesis\.node: "alfa" is not a node.*did you mean "alpha"/),
      expect.stringMatching(/^lessons\/mini\.yaml:23 invalid_field .*step 4 hypothesis: a hypothesis explains observations; give the step observations that went up or down/),
    ]);
    const ok = load([{ path: 'layout/compartments.yaml', text: LAYOUT }, { path: 'lessons/mini.yaml', text: LESSON + steps.slice(1).replace('gama', 'alpha').replace('alfa', 'alpha').replace('unchanged', 'down') }]);
    expect(ok.ok && errors(ok.problems)).toEqual([]);
    if (ok.ok) expect(ok.graph.getAttribute('lessons')![0]!.steps[2]!.observations).toEqual([{ node: 'beta', direction: 'up' }, { node: 'alpha', direction: 'down' }]);
  });

  it('a lesson naming a compartment in a graph without a layout file says there is none', () => {
    const r = load([{ path: 'lessons/mini.yaml', text: LESSON }]);
    expect(errors(r.problems)).toEqual([expect.stringMatching(/"cell" is not a compartment \(there is no graph\/layout file\)/)]);
  });

  it('the curated graph has its compartments and at least three lessons', () => {
    const g = loadGraph();
    expect(g.getAttribute('layout')?.compartments.length).toBeGreaterThanOrEqual(7);
    expect(g.getAttribute('lessons')?.length).toBeGreaterThanOrEqual(3);
  });
});
