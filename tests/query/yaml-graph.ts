/** Test helper: a small curated-format graph written as lines "a predicate b [kind]", loaded by the real YAML loader. */
import { tryLoadGraphFromFiles, type KnowledgeGraph } from '../../src/index.js';

const SOURCES = 'sources:\n  - id: t\n    kind: textbook\n    title: T\n  - id: mouse\n    kind: primary_paper\n    title: M\n    pmid: "1"\n';

/**
 * A graph from lines "a predicate b [kind]" (kind defaults to established_biochemistry); every node is a
 * small molecule unless named in `categories`.
 */
export function graphOf(lines: string[], categories: Record<string, string> = {}): KnowledgeGraph {
  const edges = lines.map((l) => {
    const [source, predicate, target, kind = 'established_biochemistry'] = l.split(/\s+/);
    return { source: source!, predicate: predicate!, target: target!, kind };
  });
  const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const text = [
    'module:\n  id: m\n  title: M\n  summary: Rules.',
    'nodes:',
    ...ids.map((id) => `  - id: ${id}\n    label: ${id}\n    category: ${categories[id] ?? 'small_molecule'}\n    description: ${id}.`),
    'edges:',
    ...edges.map(
      (e) =>
        `  - source: ${e.source}\n    predicate: ${e.predicate}\n    target: ${e.target}\n    evidence:\n      - source: ${e.kind === 'animal_model' ? 'mouse' : 't'}\n        kind: ${e.kind}\n        statement: s.`,
    ),
  ].join('\n');
  const result = tryLoadGraphFromFiles([
    { path: 'sources.yaml', text: SOURCES },
    { path: 'modules/m.yaml', text: `${text}\n` },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
}
