/**
 * GraphML as yEd Live (yFiles for HTML) writes it: labels in `<x:List><y:Label>` under a key whose
 * `y:attr.uri` is yfiles-common's NodeLabels / EdgeLabels (the text as a `<y:Label.Text>` child or a `Text`
 * attribute), geometry as `<y:RectD X Y Width Height>` under NodeGeometry, styles under NodeStyle / EdgeStyle,
 * a folding `Expanded` key with a default, and SharedData. The file below is hand-written in the shape of yEd
 * Live files found in public repositories (read there by an STPA parser's yEd Live reader and a PHP GraphML
 * loader's tests); no yEd Live file is copied. networkx reads none of these labels (they are not in yEd
 * desktop's `y:` namespace), so this reads them as yEd Live shows them.
 */
import { describe, expect, it } from 'vitest';
import { tryImportGraph } from '../../src/import/index.js';

const LIVE = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0" xmlns:yjs="http://www.yworks.com/xml/yfiles-for-html/2.0/xaml">
  <key id="d0" for="node" attr.type="boolean" attr.name="Expanded" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/folding/Expanded"><default>true</default></key>
  <key id="d1" for="node" attr.type="string" attr.name="description"/>
  <key id="d2" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
  <key id="d3" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
  <key id="d4" for="node" attr.name="NodeStyle" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeStyle"/>
  <key id="d5" for="edge" attr.name="EdgeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/EdgeLabels"/>
  <key id="d6" for="edge" attr.name="EdgeStyle" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/EdgeStyle"/>
  <key id="d7" for="node" attr.name="NodeViewState" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/folding/1.1/NodeViewState"/>
  <key id="d8" attr.name="SharedData" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/SharedData"/>
  <key id="d9" for="node" attr.type="string" attr.name="organism"/>
  <key id="d10" for="all" attr.name="UserTags" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/UserTags"/>
  <data key="d8"><y:SharedData><yjs:SolidColorFill x:Key="1" color="Orange"/></y:SharedData></data>
  <graph id="G" edgedefault="directed">
    <node id="n0">
      <data key="d1"><![CDATA[a B vitamin]]></data>
      <data key="d2">
        <x:List>
          <y:Label LayoutParameter="{x:Static y:InteriorLabelModel.Center}" Style="{y:GraphMLReference 1}">
            <y:Label.Text><![CDATA[folate]]></y:Label.Text>
          </y:Label>
          <y:Label><y:Label.Text>second label</y:Label.Text></y:Label>
        </x:List>
      </data>
      <data key="d3"><y:RectD X="-50" Y="-20" Width="100" Height="40"/></data>
      <data key="d4"><yjs:ShapeNodeStyle fill="{y:GraphMLReference 1}"/></data>
      <data key="d9">H. sapiens</data>
      <data key="d10"><y:Json>{"owner":"lab 3"}</y:Json></data>
      <port name="p0"/>
    </node>
    <node id="n1">
      <data key="d2"><x:List><y:Label Text="homocysteine"/></x:List></data>
      <data key="d3"><y:RectD X="100" Y="0" Width="60" Height="30"/></data>
    </node>
    <node id="n2"/>
    <edge id="e0" source="n0" target="n1" sourceport="p0">
      <data key="d5"><x:List><y:Label><y:Label.Text>lowers</y:Label.Text></y:Label></x:List></data>
      <data key="d6"><yjs:PolylineEdgeStyle><yjs:PolylineEdgeStyle.targetArrow><yjs:Arrow type="TRIANGLE"/></yjs:PolylineEdgeStyle.targetArrow></yjs:PolylineEdgeStyle></data>
    </edge>
    <edge id="e1" source="n1" target="n2"/>
  </graph>
</graphml>
`;

function load() {
  const r = tryImportGraph({ path: 'live.graphml', text: LIVE });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return { graph: r.graph, warnings: r.problems.map((p) => p.message) };
}

describe('readGraphml: yEd Live (yFiles for HTML) files', () => {
  it('node labels from <y:Label.Text> (the first label) or the Text attribute; a node without one keeps its id', () => {
    const { graph } = load();
    expect(graph.mapNodes((id, n) => [id, n.label])).toEqual([['n0', 'folate'], ['n1', 'homocysteine'], ['n2', 'n2']]);
  });

  it('the centre of <y:RectD> is the node position', () => {
    const { graph } = load();
    expect(graph.getNodeAttribute('n0', 'position')).toEqual({ x: 0, y: 0 });
    expect(graph.getNodeAttribute('n1', 'position')).toEqual({ x: 130, y: 15 });
    expect(graph.getNodeAttribute('n2', 'position')).toBeUndefined();
  });

  it('edge labels kept as the edge attribute label, as for yEd desktop', () => {
    const { graph } = load();
    expect(graph.getEdgeAttribute('e0', 'attributes')).toEqual({ label: 'lowers' });
  });

  it('drawing keys (labels, geometry, styles, folding state with its default) are not attributes; the file\'s own keys and UserTags (user data, its <y:Json> parsed) are', () => {
    const { graph } = load();
    expect(graph.getNodeAttribute('n0', 'attributes')).toEqual({ organism: 'H. sapiens', UserTags: { owner: 'lab 3' } });
    expect(graph.getNodeAttribute('n0', 'description')).toBe('a B vitamin');
    expect(graph.getNodeAttribute('n1', 'attributes')).toBeUndefined();
    expect(graph.getEdgeAttribute('e1', 'attributes')).toBeUndefined();
  });

  it('styles not kept are said once, with the counts', () => {
    const { warnings } = load();
    expect(warnings.filter((w) => /yEd graphics of/.test(w))).toEqual([expect.stringMatching(/^yEd graphics of 1 node\(s\) and 1 edge\(s\) \(fill, shape, border, line style, arrows\) are not kept/)]);
  });
});
