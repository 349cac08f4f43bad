/**
 * How mechkg reads foreign KGX ids and knowledge levels, shared by the importer (src/import) and the streamed
 * compact index (src/scale). Kept free of zod and other heavy imports so the CLI's start-up stays light.
 */
import type { EvidenceKind } from '../model/vocabulary.js';

/** Evidence kind of an imported edge by its knowledge_level . */
export const KIND_OF_KNOWLEDGE_LEVEL: Readonly<Record<string, EvidenceKind>> = {
  knowledge_assertion: 'review_statement',
  logical_entailment: 'review_statement',
  prediction: 'review_statement',
  statistical_association: 'observational_human',
  observation: 'observational_human',
};

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case ASCII letters and digits, runs of anything else as one `-`, none at the ends; `node` if empty. */
export function slugify(text: string): string {
  if (NON_ASCII.test(text)) {
    const s = text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return s || 'node';
  }
  // ASCII (node ids nearly always): no decompositions, no marks, only A-Z lower-case; one pass over the chars
  let out = '';
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && out.length > 0) out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else {
      dash = true;
    }
  }
  return out || 'node';
}
