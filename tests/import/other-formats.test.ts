/**
 * Files in network formats mechkg does not read are named, with what to do instead, rather than described by
 * their first line ("XML, but neither GraphML nor GEXF", "the first line has 1 tab-separated field(s)"). The
 * snippets are the formats' opening lines only (root element and namespace, or first tokens), hand-written.
 */
import { describe, expect, it } from 'vitest';
import { sniffFormat, tryImportGraph } from '../../src/import/index.js';

describe('network formats mechkg does not read', () => {
  it.each([
    ['XGMML', '<?xml version="1.0"?>\n<!-- saved by Cytoscape -->\n<graph label="net" xmlns="http://www.cs.rpi.edu/XGMML" directed="1">\n<node id="1" label="a"/>\n</graph>\n', /^XGMML \(Cytoscape desktop's XML\), a format mechkg does not read: export the network from Cytoscape as Cytoscape JSON/],
    ['SBML', '<?xml version="1.0" encoding="UTF-8"?>\n<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1"><model/></sbml>\n', /^SBML, a format mechkg does not read: Cytoscape reads SBML/],
    ['SBGN-ML', '<?xml version="1.0"?>\n<sbgn xmlns="http://sbgn.org/libsbgn/0.3"><map/></sbgn>\n', /^SBGN-ML, a format mechkg does not read: mechkg writes it/],
    ['GPML', '<?xml version="1.0"?>\n<Pathway xmlns="http://pathvisio.org/GPML/2013a" Name="p"/>\n', /^GPML \(WikiPathways\)/],
    ['RDF/XML', '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n', /^RDF\/XML \(BioPAX, OWL\)/],
    ['GML', 'graph [\n  directed 1\n  node [ id 1 label "a" ]\n]\n', /^GML \(graph \[ \.\.\. \]\), a format mechkg does not read/],
    ['Graphviz DOT', 'digraph G {\n  a -> b;\n}\n', /^Graphviz DOT, a format mechkg does not read \(it writes it/],
    ['Pajek', '*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 2\n', /^Pajek \.net, a format mechkg does not read/],
  ])('%s is named, with what to do instead', (_, text, why) => {
    const sniffed = sniffFormat(text);
    expect(sniffed.format).toBeNull();
    expect(sniffed.why).toMatch(why);
    const r = tryImportGraph({ path: 'file', text });
    expect(r.problems[0]!.message).toMatch(/^not a graph format mechkg reads: /);
  });

  it('still reads a KGX TSV nodes file and GraphML whose first lines look nothing like those', () => {
    expect(sniffFormat('id\tname\tcategory\ngraph\tg\tbiolink:Gene\n').format).toBe('kgx');
    expect(sniffFormat('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>').format).toBe('graphml');
  });
});
