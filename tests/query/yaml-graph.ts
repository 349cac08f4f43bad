/** Test helper: a small curated-format graph written as lines "a predicate b [kind]", loaded by the real YAML loader. */
import { tryLoadGraphFromFiles, type KnowledgeGraph } from '../../src/index.js';

/** Kinds that name no study (every other kind needs a registry entry with a PMID or DOI). */
const STUDY_FREE = new Set(['established_biochemistry', 'review_statement']);

const SOURCES = 'sources:\n  - id: t\n    kind: textbook\n    title: T\n  - id: mouse\n    kind: primary_paper\n    title: M\n    pmid: "1"\n';

/**
 * A graph from lines "a predicate b [kind[:disputes[:none|opposite]],...]" (one evidence entry per kind, established_biochemistry
 * when none is given; a study kind cites the registry entry with a PMID); every node is a small molecule unless named in `categories`;
 * `states` names the nodes that are a deficiency state (`state_of`, level low) of another; `reactions` gives the
 * `reaction` of edges, keyed by "source predicate target".
 */
export function graphOf(lines: string[], categories: Record<string, string> = {}, states: Record<string, string> = {}, reactions: Record<string, string> = {}): KnowledgeGraph {
  const edges = lines.map((l) => {
    const [source, predicate, target, entry = 'established_biochemistry'] = l.split(/\s+/);
    const entries = entry.split(',').map((x) => {
      const [kind, stance = 'supports', effect] = x.split(':');
      return { kind: kind!, stance, effect };
    });
    return { source: source!, predicate: predicate!, target: target!, entries };
  });
  const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const text = [
    'module:\n  id: m\n  title: M\n  summary: Rules.',
    'nodes:',
    ...ids.map((id) => `  - id: ${id}\n    label: ${id}\n    category: ${categories[id] ?? 'small_molecule'}\n    description: ${id}.${states[id] ? `\n    state_of: { node: ${states[id]}, level: low }` : ''}`),
    'edges:',
    ...edges.map(
      (e) =>
        `  - source: ${e.source}\n    predicate: ${e.predicate}\n    target: ${e.target}\n${reactions[`${e.source} ${e.predicate} ${e.target}`] ? `    reaction: ${reactions[`${e.source} ${e.predicate} ${e.target}`]}\n` : ''}    evidence:\n${e.entries.map((x) => `      - source: ${STUDY_FREE.has(x.kind) ? 't' : 'mouse'}\n        kind: ${x.kind}\n        stance: ${x.stance}\n${x.effect ? `        effect: ${x.effect}\n` : ''}        statement: s.`).join('\n')}`,
    ),
  ].join('\n');
  const result = tryLoadGraphFromFiles([
    { path: 'sources.yaml', text: SOURCES },
    { path: 'modules/m.yaml', text: `${text}\n` },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
}
