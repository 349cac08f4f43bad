/** Turning zod schema issues into mechkg problem codes and messages; shared by the YAML loader and the importers. */
import type * as z from 'zod/mini';
import type { ProblemCode } from '../model/types.js';

/** The problem code for a schema issue, from the field it is about. */
export function problemCodeFor(issue: z.core.$ZodIssue): ProblemCode {
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_value' && last === 'category') return 'unknown_category';
  if (issue.code === 'invalid_value' && last === 'predicate') return 'unknown_predicate';
  if (issue.code === 'invalid_value' && last === 'kind' && issue.path.includes('evidence')) return 'unknown_evidence_kind';
  if (last === 'evidence' && (issue.code === 'too_small' || issue.code === 'invalid_type')) return 'missing_evidence';
  if (issue.path.includes('identifiers') && issue.code === 'invalid_format') return 'malformed_curie';
  return 'invalid_field';
}

/** What is wrong, quoting the bad value: `unknown value (got "x"); expected one of ...`. */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 80)})`;
  if (issue.code === 'invalid_value') return `unknown value${shown}; expected one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type' && value === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${issue.message}${shown}`;
}

export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (!isRecord(v) && !Array.isArray(v)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
