/**
 * File shapes for the benchmark generator: one seeded topology (generate-kgx.mjs) written the ways KGX files
 * in the wild differ, so a loader tuned to one generator's bytes shows it. Each shape renames the nodes
 * (shuffled, so node numbers and ids are unrelated) and writes its own columns; the query pairs stay the same.
 *
 *   plain    id subject predicate object; edge ids `e<n>` in shuffled order; node ids `N:<n>`; nodes typed
 *            biolink:NamedThing with a name only. Predicates as given (no qualifiers, so `affects` is unsigned).
 *   wide     16 columns: direction and aspect qualifiers, qualified predicate, negated, knowledge level, agent
 *            type, primary and aggregator sources, publication lists of 0 to 6 PMIDs and DOIs.
 *   unicode  long CURIEs (ENSEMBL versioned ids, UniProtKB isoforms, CHEMBL.COMPOUND, REACT) and names with
 *            Greek, accented, CJK and astral-plane characters; multi-valued category lists.
 *   quirks   what KGX's own writer produces: trailing empty fields left off, raw `"` inside fields, empty
 *            list cells, duplicate node rows, CRLF line ends.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const SHAPES = ['scalefree', 'plain', 'wide', 'unicode', 'quirks'];

/** Writes a header and rows (strings) to path in 1 MB chunks; eol is the line end. */
export function writeRows(path, header, rows, eol = '\n') {
  const fd = openSync(path, 'w');
  let chunk = header.join('\t') + eol;
  for (const row of rows) {
    chunk += row + eol;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** The query pairs file and the hubs file (most edges out, most edges in) every shape writes beside its TSVs. */
export function writeQueries(graph, out, name) {
  const write = (path, value) => {
    const fd = openSync(path, 'w');
    writeSync(fd, JSON.stringify(value, null, 2) + '\n');
    closeSync(fd);
  };
  const queries = join(out, `${name}_queries.json`);
  write(queries, graph.queries);
  write(join(out, `${name}_hubs.json`), { out: graph.hubs[0], in: graph.hubs[1] });
  return queries;
}

/** A seeded Fisher-Yates permutation of 0..n-1. */
function permutation(n, random) {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

const GREEK = ['α', 'β', 'γ', 'δ', 'ε', 'κ', 'λ', 'μ', 'ω'];
const WORDS = ['Müller', 'façade', 'naïve', 'Ångström', '葡萄糖', '脂肪肝', 'кобаламин', 'ήπαρ', '𝛽-oxidation', 'São'];
const LONG_PREFIXES = [
  (n) => `ENSEMBL:ENSG${String(n).padStart(11, '0')}.${(n % 17) + 1}`,
  (n) => `UniProtKB:A0A${(n * 7919).toString(36).toUpperCase().padStart(7, '0')}-PRO_${String(n).padStart(10, '0')}`,
  (n) => `CHEMBL.COMPOUND:CHEMBL${4000000 + n}`,
  (n) => `REACT:R-HSA-${9000000 + n}`,
  (n) => `NCBIGene:${100000000 + n}`,
  (n) => `UMLS:C${String(n).padStart(7, '0')}`,
  (n) => `MONDO:${String(n).padStart(7, '0')}`,
];

function renameWith(idOf, nameOf) {
  return (nodeIds, nodeNames, nodeKind, random) => {
    const p = permutation(nodeIds.length, random);
    for (let i = 0; i < nodeIds.length; i++) {
      nodeIds[i] = idOf(p[i], nodeKind[i], random);
      nodeNames[i] = nameOf(nodeNames[i], p[i], random);
    }
  };
}

const lists = (xs) => xs.filter(Boolean).join('|');
const pmids = (seed, count) => Array.from({ length: count }, (_, k) => (k % 3 === 2 ? `doi:10.${1000 + ((seed + k) % 9000)}/j.${seed + k}` : `PMID:${10000000 + ((seed * 31 + k * 7919) % 30000000)}`));

function writeShape(out, name, graph, header, nodeHeader, edgeRow, nodeRow, { eol = '\n', extraNodes = () => [] } = {}) {
  mkdirSync(out, { recursive: true });
  writeRows(join(out, `${name}_nodes.tsv`), nodeHeader, (function* () {
    for (let i = 0; i < graph.nodes.length; i++) {
      yield nodeRow(i);
      for (const extra of extraNodes(i)) yield extra;
    }
  })(), eol);
  writeRows(join(out, `${name}_edges.tsv`), header, (function* () {
    for (let e = 0; e < graph.edgeCount; e++) yield edgeRow(e);
  })(), eol);
  writeQueries(graph, out, name);
}

const SHAPE_WRITERS = {
  scalefree: { name: 'scalefree' },
  plain: {
    name: 'plain',
    renameNodes: renameWith((n) => `N:${n}`, (_old, n) => `node ${n}`),
    write(graph, out, name, t) {
      // edge ids are shuffled too: nothing in the file is in a loader-friendly order
      const ids = permutation(graph.edgeCount, t.random);
      writeShape(out, name, graph, ['id', 'subject', 'predicate', 'object'], ['id', 'category', 'name'],
        (e) => [`e${ids[e]}`, graph.nodes[t.src[e]].id, t.EDGE_KINDS[t.kind[e]][0], graph.nodes[t.dst[e]].id].join('\t'),
        (i) => [graph.nodes[i].id, 'biolink:NamedThing', graph.nodes[i].name].join('\t'));
    },
  },
  wide: {
    name: 'wide',
    renameNodes: renameWith((n, k) => `${['CHEBI', 'UniProtKB', 'HGNC', 'GO', 'MONDO', 'HP', 'DRUGBANK'][k]}:${String(n * 13 + 7).padStart(7, '0')}`, (old) => old),
    write(graph, out, name, t) {
      const header = ['id', 'subject', 'predicate', 'object', 'category', 'negated', 'qualified_predicate', 'subject_aspect_qualifier',
        'subject_direction_qualifier', 'object_aspect_qualifier', 'object_direction_qualifier', 'knowledge_level', 'agent_type',
        'primary_knowledge_source', 'aggregator_knowledge_source', 'publications'];
      writeShape(out, name, graph, header, ['id', 'category', 'name', 'description', 'synonym', 'xref', 'provided_by', 'in_taxon'],
        (e) => {
          const [predicate, qualifier] = t.EDGE_KINDS[t.kind[e]];
          const [level, agent, source] = t.KNOWLEDGE[t.know[e]];
          const directed = qualifier !== '';
          return [
            `urn:uuid:${(e * 2654435761 >>> 0).toString(16).padStart(8, '0')}-${e.toString(16).padStart(12, '0')}`,
            graph.nodes[t.src[e]].id, predicate, graph.nodes[t.dst[e]].id, 'biolink:ChemicalAffectsGeneAssociation|biolink:Association',
            e % 97 === 0 ? 'False' : '', directed ? 'biolink:causes' : '', e % 5 === 0 ? 'activity' : '', '',
            directed ? 'activity_or_abundance' : '', qualifier, level, agent, source, 'infores:monarchinitiative|infores:robokop',
            lists(pmids(e, t.pubs[e] ? (e % 7) : 0)),
          ].join('\t');
        },
        (i) => [graph.nodes[i].id, `${graph.nodes[i].category}|biolink:NamedThing`, graph.nodes[i].name, `A generated ${graph.nodes[i].category.slice(8)} for the benchmark.`,
          lists([`${graph.nodes[i].name} (syn)`, i % 3 === 0 ? `alt ${i}` : '']), i % 5 === 0 ? `MESH:D${String(i).padStart(6, '0')}` : '', 'infores:mechkg-bench', 'NCBITaxon:9606'].join('\t'));
    },
  },
  unicode: {
    name: 'unicode',
    renameNodes: renameWith((n, k) => LONG_PREFIXES[(n + k) % LONG_PREFIXES.length](n),
      (old, n) => `${GREEK[n % GREEK.length]}-${WORDS[n % WORDS.length]} ${old} ${WORDS[(n >> 3) % WORDS.length]}`),
    write(graph, out, name, t) {
      const header = ['id', 'subject', 'predicate', 'object', 'object_direction_qualifier', 'knowledge_level', 'agent_type', 'primary_knowledge_source', 'publications'];
      writeShape(out, name, graph, header, ['id', 'category', 'name', 'synonym'],
        (e) => {
          const [predicate, qualifier] = t.EDGE_KINDS[t.kind[e]];
          const [level, agent, source] = t.KNOWLEDGE[t.know[e]];
          return [`${graph.nodes[t.src[e]].id}→${graph.nodes[t.dst[e]].id}#${e}`, graph.nodes[t.src[e]].id, predicate, graph.nodes[t.dst[e]].id, qualifier, level, agent, source, lists(pmids(e, t.pubs[e] ? 2 : 0))].join('\t');
        },
        (i) => [graph.nodes[i].id, `${graph.nodes[i].category}|biolink:NamedThing|biolink:Entity`, graph.nodes[i].name, `${WORDS[i % WORDS.length]} ${i}`].join('\t'));
    },
  },
  quirks: {
    name: 'quirks',
    renameNodes: renameWith((n, k) => `${['CHEBI', 'UniProtKB', 'HGNC', 'GO', 'MONDO', 'HP', 'DRUGBANK'][k]}:${n}`, (old, n) => (n % 9 === 0 ? `"${old}" (quoted)` : n % 11 === 0 ? `${old} 5" long` : old)),
    write(graph, out, name, t) {
      const header = ['id', 'subject', 'predicate', 'object', 'category', 'object_direction_qualifier', 'knowledge_level', 'agent_type', 'primary_knowledge_source', 'publications', 'provided_by'];
      writeShape(out, name, graph, header, ['id', 'category', 'name', 'synonym', 'xref', 'provided_by'],
        (e) => {
          const [predicate, qualifier] = t.EDGE_KINDS[t.kind[e]];
          const [level, agent, source] = t.KNOWLEDGE[t.know[e]];
          const row = [`e:${e}`, graph.nodes[t.src[e]].id, predicate, graph.nodes[t.dst[e]].id, 'biolink:Association', qualifier, level, agent, source,
            t.pubs[e] ? `PMID:${t.pubs[e]}` : '', e % 4 === 0 ? '' : 'infores:"bench"'];
          // KGX's writer leaves trailing empty fields off: drop them (but keep subject..object).
          let end = row.length;
          while (end > 4 && row[end - 1] === '') end--;
          return row.slice(0, end).join('\t');
        },
        (i) => {
          const row = [graph.nodes[i].id, graph.nodes[i].category, graph.nodes[i].name, i % 6 === 0 ? `${graph.nodes[i].name}|` : '', '', ''];
          let end = row.length;
          while (end > 1 && row[end - 1] === '') end--;
          return row.slice(0, end).join('\t');
        },
        // every 50th node is stated twice (KGX merges duplicate node rows)
        { eol: '\r\n', extraNodes: (i) => (i % 50 === 0 ? [[graph.nodes[i].id, `${graph.nodes[i].category}|biolink:NamedThing`, '', `dup ${i}`].join('\t')] : []) });
    },
  },
};

/** The writer for a shape name; throws on an unknown one (the CLI checks first). */
export function shapeWriter(shape) {
  const w = SHAPE_WRITERS[shape];
  if (!w) throw new Error(`generate-kgx: unknown shape "${shape}" (one of ${SHAPES.join(', ')})`);
  return w;
}
