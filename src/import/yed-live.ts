/**
 * yEd Live's GraphML (yFiles for HTML): its drawing lives under keys named by a `y:attr.uri` in
 * `http://www.yworks.com/xml/yfiles-common/` (NodeLabels, EdgeLabels, NodeGeometry, NodeStyle, EdgeStyle, the
 * folding state, SharedData ...), not under yEd desktop's `yfiles.type` keys. A label is
 * `<x:List><y:Label><y:Label.Text>text</y:Label.Text></y:Label></x:List>` (or `<y:Label Text="text">`), a node's
 * geometry `<y:RectD X Y Width Height>` (top-left corner and size). The shapes are those of yEd Live's files as
 * public readers of them read them (an STPA parser's OnlineGraphMLReader, a PHP GraphML loader's test file).
 * UserTags (yFiles' per-item user data, `<y:Json>` in the files seen) is data, and kept.
 */
import type { AttributeValue } from '../model/types.js';
import { isRecord, positionOf, type NodePosition } from './records.js';
import { XML_META, type XmlElement } from './xml-document.js';

const YFILES_COMMON = 'http://www.yworks.com/xml/yfiles-common/';

/** The yEd Live role of a key from its `y:attr.uri` ("NodeLabels", "NodeGeometry", "folding/Expanded" ...), or undefined. */
export function yedLiveRole(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith(YFILES_COMMON)) return undefined;
  // http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels, .../2.0/folding/1.1/NodeViewState
  return uri.slice(YFILES_COMMON.length).replace(/^[\d.]+\//, '').replace(/\/[\d.]+\//, '/');
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isRecord(v) && typeof v['#text'] === 'string' ? v['#text'] : undefined);

/** The first non-empty label text of a NodeLabels / EdgeLabels <data> (`y:Label.Text`, else the `Text` attribute). */
export function yedLiveLabel(d: XmlElement): string | undefined {
  for (const list of asArray(d.List)) {
    if (!isRecord(list)) continue;
    for (const label of asArray(list.Label)) {
      if (!isRecord(label)) continue;
      const t = (textOf(label['Label.Text']) ?? (typeof label['@_Text'] === 'string' ? label['@_Text'] : '')).trim();
      if (t !== '') return t;
    }
  }
  return undefined;
}

/** The centre of a NodeGeometry <data>'s `y:RectD` (X and Y are its top-left corner). */
export function yedLivePosition(d: XmlElement): NodePosition | undefined {
  for (const rect of asArray(d.RectD)) {
    if (!isRecord(rect)) continue;
    const [x, y, w, h] = ['@_X', '@_Y', '@_Width', '@_Height'].map((k) => Number(rect[k] ?? NaN));
    const position = positionOf(x! + (Number.isFinite(w) ? w! / 2 : 0), y! + (Number.isFinite(h) ? h! / 2 : 0));
    if (position) return position;
  }
  return undefined;
}

/**
 * A UserTags <data> (the user data yFiles keeps on an item, its `tag`): the JSON of a `<y:Json>` element parsed
 * (its text when it is not JSON), plain text as it is; undefined when empty or of another shape.
 */
export function yedLiveUserTag(d: XmlElement): AttributeValue | undefined {
  const json = textOf(d.Json);
  if (json !== undefined && json.trim() !== '') {
    try {
      return JSON.parse(json) as AttributeValue;
    } catch {
      return json.trim();
    }
  }
  const t = textOf(d);
  return t !== undefined && t.trim() !== '' ? t.trim() : undefined;
}

/** Whether a yEd Live <data> draws a style (NodeStyle, EdgeStyle with an element inside). */
export function isYedLiveStyle(role: string, d: XmlElement): boolean {
  return (role === 'NodeStyle' || role === 'EdgeStyle') && Object.keys(d).some((k) => !k.startsWith('@_') && k !== '#text' && k !== XML_META);
}
