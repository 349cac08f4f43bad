/**
 * What a curator needs to judge the evidence behind a graph: how many causal edges rest on citable literature
 * (a PMID or DOI), which rest only on popular articles or only on review statements, the evidence kinds in use,
 * identifiers still marked unverified, registry entries nothing cites and registry entries whose citation is
 * incomplete. Pure: graph in, plain data out.
 */
import { isCitableStudy, underlyingStudy } from '../load/evidence-rules.js';
import type { KnowledgeGraph } from '../model/types.js';
import type { SourceData } from '../model/schema.js';
import { EVIDENCE_KIND_NAMES, EVIDENCE_KINDS, type EvidenceKind } from '../model/vocabulary.js';

/** A CURIE the curation notes mark as not confirmed by any source, with the reason given there. */
export interface UnverifiedIdentifier {
  identifier: string;
  reason: string;
}

export interface CurationReport {
  causalEdges: number;
  /** Causal edges with a supporting entry whose cited document (the study, else the source) has a PMID or DOI. */
  citable: { count: number; share: number };
  /** The same, counting only documents registered as primary papers (no reviews, databases or seed articles). */
  primary: { count: number; share: number };
  /**
   * Causal edges a primary paper shows: a supporting entry of a study kind (trial, cohort, animal, in vitro, ...)
   * whose study is a primary paper with a PMID or DOI. A primary paper cited for its background (an entry typed
   * review_statement) counts under `primary`, not here.
   */
  primaryStudy: { count: number; share: number };
  /** Evidence entries per kind, over all edges. */
  evidenceKinds: Record<EvidenceKind, number>;
  /** Causal edges whose supporting entries all cite seed articles (no study with a PMID or DOI behind them). */
  onlySeedArticles: string[];
  /**
   * Those of onlySeedArticles that a study with a PMID or DOI disputes, with the disputing documents: the seed's
   * claim is kept so it stays answerable, and the literature says it does not hold.
   */
  seedClaimsDisputed: { id: string; disputedBy: string[] }[];
  /** Causal edges whose supporting entries are all review statements. */
  onlyReviewStatements: string[];
  /** Causal edges with no citable support, with the note that should say why. */
  withoutCitableSupport: { id: string; note: string | null }[];
  /** Node identifiers the curation notes mark as unverified, still attached to a node. */
  unverifiedIdentifiers: { node: string; identifier: string; reason: string }[];
  /** Registry entries that no evidence entry cites (as source or as study). */
  unusedSources: string[];
  /**
   * Papers, reviews and textbooks whose citation lacks authors, journal or year (a textbook has no journal),
   * with the registry note that should say the field was not read.
   */
  incompleteSources: { id: string; missing: CitationField[]; note: string | null }[];
}

/** The citation fields a published document has; seed articles and database records are not cited this way. */
export const CITATION_FIELDS = ['authors', 'journal', 'year'] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];

/** The citation fields a registry entry lacks, for the kinds of document that have them. */
export function missingCitationFields(source: SourceData): CitationField[] {
  if (source.kind !== 'primary_paper' && source.kind !== 'review' && source.kind !== 'textbook') return [];
  return CITATION_FIELDS.filter((f) => source[f] === undefined && !(f === 'journal' && source.kind === 'textbook'));
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

export function curationReport(graph: KnowledgeGraph, unverified: readonly UnverifiedIdentifier[] = []): CurationReport {
  const sources = graph.getAttribute('sources');
  const used = new Set<string>();
  const evidenceKinds = Object.fromEntries(EVIDENCE_KIND_NAMES.map((k) => [k, 0])) as Record<EvidenceKind, number>;
  let causalEdges = 0;
  let citable = 0;
  let primary = 0;
  let primaryStudy = 0;
  const onlySeedArticles: string[] = [];
  const seedClaimsDisputed: CurationReport['seedClaimsDisputed'] = [];
  const onlyReviewStatements: string[] = [];
  const withoutCitableSupport: CurationReport['withoutCitableSupport'] = [];

  graph.forEachEdge((id, a) => {
    for (const ev of a.evidence) {
      evidenceKinds[ev.kind] += 1;
      used.add(ev.source);
      if (ev.study !== undefined) used.add(ev.study);
    }
    if (!a.causal) return;
    causalEdges += 1;
    const supporting = a.evidence.filter((ev) => ev.stance === 'supports');
    const docs = supporting.map((ev) => sources[underlyingStudy(ev)]);
    if (docs.some(isCitableStudy)) citable += 1;
    else withoutCitableSupport.push({ id, note: a.note ?? null });
    if (docs.some((s) => isCitableStudy(s) && s!.kind === 'primary_paper')) primary += 1;
    if (supporting.some((ev, i) => EVIDENCE_KINDS[ev.kind].study && isCitableStudy(docs[i]) && docs[i]!.kind === 'primary_paper')) primaryStudy += 1;
    if (supporting.length > 0 && docs.every((s) => s?.kind === 'seed_article')) {
      onlySeedArticles.push(id);
      const disputedBy = [...new Set(a.evidence.filter((ev) => ev.stance === 'disputes' && isCitableStudy(sources[underlyingStudy(ev)])).map(underlyingStudy))];
      if (disputedBy.length > 0) seedClaimsDisputed.push({ id, disputedBy });
    }
    if (supporting.length > 0 && supporting.every((ev) => ev.kind === 'review_statement')) onlyReviewStatements.push(id);
  });

  const watched = new Map(unverified.map((u) => [u.identifier, u.reason]));
  const unverifiedIdentifiers: CurationReport['unverifiedIdentifiers'] = [];
  graph.forEachNode((node, a) => {
    for (const identifier of a.identifiers) {
      const reason = watched.get(identifier);
      if (reason !== undefined) unverifiedIdentifiers.push({ node, identifier, reason });
    }
  });

  return {
    causalEdges,
    citable: { count: citable, share: share(citable, causalEdges) },
    primary: { count: primary, share: share(primary, causalEdges) },
    primaryStudy: { count: primaryStudy, share: share(primaryStudy, causalEdges) },
    evidenceKinds,
    onlySeedArticles,
    seedClaimsDisputed,
    onlyReviewStatements,
    withoutCitableSupport,
    unverifiedIdentifiers,
    unusedSources: Object.keys(sources).filter((s) => !used.has(s)).sort(),
    incompleteSources: Object.values(sources)
      .map((s) => ({ id: s.id, missing: missingCitationFields(s), note: s.note ?? null }))
      .filter((s) => s.missing.length > 0),
  };
}

/** The report as plain text, one finding per line, lists indented under their heading. */
export function formatCurationReport(r: CurationReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `causal edges: ${r.causalEdges}`,
    `  with PMID/DOI-backed support: ${r.citable.count} (${pct(r.citable.share)})`,
    `  with a primary paper (PMID/DOI) among the support: ${r.primary.count} (${pct(r.primary.share)})`,
    `  shown by a primary study (a trial, cohort, animal or in vitro entry citing a primary paper): ${r.primaryStudy.count} (${pct(r.primaryStudy.share)})`,
    'evidence kinds (entries):',
    ...Object.entries(r.evidenceKinds)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `  ${k}: ${n}`),
  ];
  const list = (title: string, items: string[], indent = '') => {
    lines.push(`${indent}${title}: ${items.length}`);
    for (const item of items) lines.push(`${indent}  ${item}`);
  };
  list('causal edges supported only by seed articles', r.onlySeedArticles);
  list(
    'of which disputed by PMID/DOI-backed evidence',
    r.seedClaimsDisputed.map((e) => `${e.id} (disputed by ${e.disputedBy.join(', ')})`),
    '  ',
  );
  list('causal edges supported only by review statements', r.onlyReviewStatements);
  list(
    'causal edges without PMID/DOI-backed support',
    r.withoutCitableSupport.map((e) => `${e.id}${e.note ? ` (note: ${e.note})` : ' (no note says why)'}`),
  );
  list(
    'unverified identifiers in place',
    r.unverifiedIdentifiers.map((u) => `${u.node}: ${u.identifier} (${u.reason})`),
  );
  list('unused sources', r.unusedSources);
  list(
    'registry entries lacking authors, journal or year',
    r.incompleteSources.map((s) => `${s.id}: no ${s.missing.join(', ')}${s.note ? '' : ' (no note says why)'}`),
  );
  return lines.join('\n') + '\n';
}
