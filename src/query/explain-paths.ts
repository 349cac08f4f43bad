/**
 * explainPaths: the top paths FROM -> TO as plain sentences a student can read; each step names its
 * evidence kind and cites its sources (numbered references from the graph's source registry).
 */
import type { RouteRule } from './route-rules.js';
import { EVIDENCE_KINDS, PREDICATES } from '../model/vocabulary.js';
import { ReferenceList, type Reference } from './cite-source.js';
import { findPaths, type FindPathsOptions } from './find-paths.js';
import type { PathAgreement } from './path-agreement.js';
import type { DirectTest } from './direct-tests.js';
import type { NodeRef, Path, PathEdge } from './path-result.js';
import { queryContext, type QueryInput } from './query-input.js';
import type { WorkStats } from './budget.js';
import { ownValue } from '../model/own-key.js';
import type { KnowledgeGraph } from '../model/types.js';

export type ExplainOptions = FindPathsOptions;

export interface ExplainedEvidence {
  kind: string;
  stance: 'supports' | 'disputes';
  statement: string;
  source: string;
  /** Number of the source in `references`. */
  ref: number;
}

export interface ExplainedStep {
  edge: string;
  sentence: string;
  evidence: ExplainedEvidence[];
}

export interface Explanation {
  path: Path;
  summary: string;
  steps: ExplainedStep[];
}

export interface ExplainResult {
  from: NodeRef;
  to: NodeRef;
  complete: boolean;
  truncated: boolean;
  explanations: Explanation[];
  /** Whether the explained routes agree in net sign, and what the best-supported says (null when none). */
  agreement: PathAgreement | null;
  /** findPaths' direct tests (direct-tests.ts); their studies are numbered in `references` too. */
  directTests: DirectTest[];
  directTestsText: string | null;
  /** findPaths' route rules: which routes were not followed and why (their sentences are in `agreement.text`). */
  routeRules: RouteRule[];
  references: Reference[];
  /** Everything above as readable text (what the CLI prints). */
  text: string;
  stats: WorkStats;
}

/** Explains the top paths (default 3) with the same options as findPaths. */
export function explainPaths(input: QueryInput, from: string, to: string, options: ExplainOptions = {}): ExplainResult {
  const result = findPaths(input, from, to, { ...options, limit: options.limit ?? 3 });
  const refs = new ReferenceList(queryContext(input).sources);
  const labels = new Map<string, string>();
  const stateOf = stateReader(input);
  const explanations = result.paths.map((path, i) => {
    for (const n of path.nodes) labels.set(n.id, n.label);
    return { path, summary: summarize(i + 1, path, result.from, result.to), steps: path.edges.map((e, k) => explainStep(k + 1, e, labels, refs, stateOf)) };
  });
  const tests = result.directTests.map((x) => ({ test: x, refs: x.evidence.map((ev) => refs.number(ev.study ?? ev.source)) }));
  const references = refs.list();
  const parts = { from: result.from, to: result.to, explanations, agreement: result.agreement, directTests: result.directTests, directTestsText: result.directTestsText, references, complete: result.complete };
  const text = explanationText(parts, tests.map((t) => t.refs));
  return { from: result.from, to: result.to, complete: result.complete, truncated: result.truncated, explanations, agreement: result.agreement, directTests: result.directTests, directTestsText: result.directTestsText, routeRules: result.routeRules, references, text, stats: result.stats };
}

function summarize(n: number, path: Path, from: NodeRef, to: NodeRef): string {
  const effect = path.sign === '+' ? 'to raise' : path.sign === '-' ? 'to lower' : 'to change (in a direction the graph cannot tell)';
  const steps = `${path.length} step${path.length === 1 ? '' : 's'}`;
  const weakest = path.weakestEvidence ? ` Its weakest step rests on ${EVIDENCE_KINDS[path.weakestEvidence].label} evidence.` : ' One step has no supporting evidence.';
  const contested = path.contested ? ' At least one step is disputed.' : '';
  const confounded = (path.confounders ?? []).map((c) => ` Confounding: ${c.text}.`).join('');
  return `Route ${n} (${steps}, net ${path.sign}): raising ${from.label} is expected ${effect} ${to.label}.${weakest}${contested}${confounded}`;
}

/** The level a state node names (`state_of`), read from the graph; null for other nodes and for bare indexes. */
type StateOf = (id: string) => { node: string; level: string } | null;

function stateReader(input: QueryInput): StateOf {
  const graph = input as Partial<KnowledgeGraph>;
  if (typeof graph.getNodeAttribute !== 'function' || typeof graph.hasNode !== 'function') return () => null;
  return (id) => (graph.hasNode!(id) ? (graph.getNodeAttribute!(id, 'state_of') ?? null) : null);
}

function stateSentence(edge: PathEdge, labels: Map<string, string>, stateOf: StateOf): string {
  for (const id of [edge.target, edge.source]) {
    const s = stateOf(id);
    if (s) return `By definition: ${labels.get(id) ?? id} is the ${s.level} state of ${labels.get(s.node) ?? s.node}.`;
  }
  return 'By definition: the two nodes are one concept, a level and the state it names.';
}

function explainStep(n: number, edge: PathEdge, labels: Map<string, string>, refs: ReferenceList, stateOf: StateOf): ExplainedStep {
  const verb = edge.reversed
    ? 'is consumed by the reaction of'
    : (ownValue<{ verb: string }>(PREDICATES, edge.predicate)?.verb ?? edge.predicate.replace(/^biolink:/, '').replace(/_/g, ' '));
  const where = edge.context ? Object.values(edge.context).filter(Boolean).join('; ') : '';
  // A reversed step reads the consumption edge from its substrate: more substrate drives the reaction.
  const [from, to] = edge.reversed ? [edge.target, edge.source] : [edge.source, edge.target];
  const drives = edge.reversed ? ', so more of it speeds that reaction' : '';
  const head = `${n}. ${capitalize(labels.get(from) ?? from)} ${verb} ${labels.get(to) ?? to}${drives}${where ? ` (${where})` : ''}.`;
  const evidence: ExplainedEvidence[] = edge.evidence.map((ev) => ({ kind: ev.kind, stance: ev.stance, statement: ev.statement, source: ev.source, ref: refs.number(ev.source) }));
  const said = evidence.map((ev) => {
    const kind = ownValue<{ label: string }>(EVIDENCE_KINDS, ev.kind)?.label ?? ev.kind;
    const lead = ev.stance === 'disputes' ? `Disputed by ${kind} evidence` : capitalize(kind);
    return `${lead} [${ev.ref}]: ${ev.statement.replace(/\s*$/, '')}${/[.!?]$/.test(ev.statement.trim()) ? '' : '.'}`;
  });
  // A definitional step without a definition entry is a node and its own state (state_of): say why it is certain.
  const defined = edge.definitional && !edge.evidence.some((ev) => ev.kind === 'definition' && ev.stance !== 'disputes') ? [stateSentence(edge, labels, stateOf)] : [];
  return { edge: edge.id, sentence: [head, ...defined, ...said].join(' '), evidence };
}

type TextParts = Pick<ExplainResult, 'from' | 'to' | 'explanations' | 'agreement' | 'directTests' | 'directTestsText' | 'references' | 'complete'>;

/**
 * The text of an explanation (what `text` holds), from its parts: the CLI renders a terminal-safe copy.
 * `testRefs` numbers each direct test's evidence in `references` (found from the citations when omitted).
 */
export function explanationText(r: TextParts, testRefs?: number[][]): string {
  const numbers = testRefs ?? r.directTests.map((x) => x.evidence.map((ev) => r.references.find((ref) => ref.source === (ev.study ?? ev.source))?.n ?? 0));
  return render(r, numbers);
}

function render(r: TextParts, testRefs: number[][]): string {
  const { from, to, explanations, agreement, references, complete } = r;
  const tests = r.directTests.map((x, i) => {
    const said = x.evidence.map((ev, k) => `${ev.stance === 'disputes' ? 'Disputed by' : 'Supported by'} ${EVIDENCE_KINDS[ev.kind].label}${ev.effect ? ` (${FOUND[ev.effect]})` : ''} [${testRefs[i]![k]}]: ${ev.statement.replace(/\s*$/, '')}${/[.!?]$/.test(ev.statement.trim()) ? '' : '.'}`);
    return `  ${i + 1}. ${capitalize(x.text)}. ${said.join(' ')}`;
  });
  const testsBlock = tests.length > 0 ? `Direct human tests\n${tests.join('\n')}\n\n` : '';
  const refs = references.map((ref) => `  [${ref.n}] ${ref.citation}${ref.url && !ref.citation.includes(ref.url) ? ` ${ref.url}` : ''}`);
  const refsBlock = refs.length > 0 ? `References\n${refs.join('\n')}\n` : '';
  if (explanations.length === 0) {
    const none = `No causal route from ${from.label} to ${to.label} was found${complete ? '' : ' within the work budget'}.\n`;
    return tests.length === 0 ? none : `${none}${r.directTestsText}\n\n${testsBlock}${refsBlock}`;
  }
  const parts = explanations.map((x) => [x.summary, ...x.steps.map((s) => `  ${s.sentence}`)].join('\n'));
  const verdict = agreement ? `Raising ${from.label}, what happens to ${to.label}? ${agreement.text}\n\n` : '';
  return `${verdict}${parts.join('\n\n')}\n\n${testsBlock}${refsBlock}${complete ? '' : '\n(The search was cut by its work budget; other routes may exist.)\n'}`;
}

/** What a disputing study found instead, as the explain text says it. */
const FOUND = { none: 'no effect found', opposite: 'the opposite effect found' } as const;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
