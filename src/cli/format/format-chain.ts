/** One-line rendering of a path: "A -(+ is cofactor for)-> B -(- consumes)-> C" (a reversed step reads "is consumed by"). */
import type { Path } from '../../query/path-result.js';
import { stepLabel } from './format-path.js';

export function formatChain(p: Path): string {
  let out = p.nodes[0]?.label ?? '';
  p.edges.forEach((e, i) => {
    out += ` -(${e.sign} ${stepLabel(e)})-> ${p.nodes[i + 1]?.label ?? e.target}`;
  });
  return out;
}
