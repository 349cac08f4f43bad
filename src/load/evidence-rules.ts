/**
 * Rules that keep evidence from overstating itself and measurements from carrying causation
 * (docs/semantics.md). They run after the cross-file checks, on validated data:
 * - study_kind_without_study: a study kind (randomized trial, Mendelian randomization, intervention
 *   study, observational human, animal model, in vitro) names a study: `study ?? source` must be a
 *   registry entry with a PMID or DOI; an article's own claim, or its summary of a study it does not
 *   cite, is a review_statement.
 * - definition_source: a `definition` entry supports the edge and names the source that defines the
 *   term (a practice guidance, a primer, a textbook): a popular article defines nothing, and a definition
 *   cannot be disputed.
 * - causal_edge_from_measurement: a measurement node (category biomarker) is raised or lowered by what
 *   causes it, but passes causation on only where a mechanism says so, so a causal edge leaving one is
 *   worth a second look.
 */
import type { SourceData } from '../model/schema.js';
import type { Origin, Problem, ProblemLevel } from '../model/types.js';
import { EVIDENCE_KINDS, PREDICATES } from '../model/vocabulary.js';
import type { ValidatedData } from './validate-files.js';

/**
 * The level of the study rule: an error, now that every curated study kind names its study. Tests pass
 * another level to checkEvidenceRules to see the rule on its own.
 */
export const STUDY_RULE_LEVEL: ProblemLevel = 'error';

/** The registry id an evidence entry's kind rests on: the study it reports, else the source itself. */
export function underlyingStudy(ev: { source: string; study?: string | undefined }): string {
  return ev.study ?? ev.source;
}

/**
 * The key under which an evidence entry counts in ranking: its underlying study's PMID, else its DOI,
 * else its registry id. Two registry entries for one paper (same PMID or DOI) are one study.
 */
export function studyKey(ev: { source: string; study?: string | undefined }, sources?: { get(id: string): Pick<SourceData, 'pmid' | 'doi'> | undefined }): string {
  const id = underlyingStudy(ev);
  const s = sources?.get(id);
  return s?.pmid ? `PMID:${s.pmid}` : s?.doi ? `DOI:${s.doi.toLowerCase()}` : id;
}

/** Whether a registry entry identifies a study well enough to carry a study kind. */
export function isCitableStudy(s: SourceData | undefined): boolean {
  return s !== undefined && (s.pmid !== undefined || s.doi !== undefined);
}

export function checkEvidenceRules(data: ValidatedData, sources: ReadonlyMap<string, SourceData>, level: ProblemLevel = STUDY_RULE_LEVEL): Problem[] {
  const problems: Problem[] = [];
  const at = (o: Origin, line: number | undefined) => ({ file: o.file, line: line ?? o.line });
  const categories = new Map(data.nodes.map((n) => [n.id, n.category]));
  for (const e of data.edges) {
    e.evidence.forEach((ev, i) => {
      if (ev.kind === 'definition') {
        const wrong = ev.stance === 'disputes' ? 'disputes the edge: a definition is not evidence against a claim; type the entry by the study or statement that disputes it' : sources.get(ev.source)?.kind === 'seed_article' ? `cites the seed article "${ev.source}": a popular article defines nothing; cite the guidance, primer or textbook that defines the term` : null;
        if (wrong) problems.push({ ...at(e.origin, e.lines?.evidence[i]), level: 'error', code: 'definition_source', id: e.id, message: `evidence[${i}] is typed definition but ${wrong}` });
        return;
      }
      if (!EVIDENCE_KINDS[ev.kind].study) return;
      const id = underlyingStudy(ev);
      const s = sources.get(id);
      // An unknown id is reported as unknown_source by the cross-file checks.
      if (!s || isCitableStudy(s)) return;
      const which = ev.study !== undefined ? `study "${id}"` : `source "${id}"`;
      problems.push({
        ...at(e.origin, e.lines?.evidence[i]),
        level,
        code: 'study_kind_without_study',
        id: e.id,
        message: `evidence[${i}] is typed ${ev.kind}, but its ${which} has no PMID or DOI in sources.yaml; cite the study it reports with study: <registry id>, or type the entry review_statement`,
      });
    });
    const spec = PREDICATES[e.predicate];
    if (spec.causal && categories.get(e.source) === 'biomarker') {
      problems.push({
        ...at(e.origin, e.lines?.source),
        level: 'warning',
        code: 'causal_edge_from_measurement',
        id: e.id,
        message: `causal ${spec.relation} edge leaves the measurement "${e.source}": a measurement reflects its causes and passes causation on only through a mechanism; state the finding as an association (e.g. positively_correlated_with) or start the edge at what was measured`,
      });
    }
  }
  return problems;
}
