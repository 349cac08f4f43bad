/**
 * mechkg's own ids in other formats: `mechkg:vitamin-b12` is the curated node vitamin-b12 (exports write the
 * prefix, since KGX needs CURIEs). Shared by the importers, the compact index and name resolution.
 */

/** Prefix of mechkg's own ids in other formats. */
export const OWN_PREFIX = 'mechkg:';
/** mechkg ids after the prefix: slugs, and edge ids of the form "<slug>--<predicate>--<slug>[--k]". */
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

/** The slug of mechkg's own CURIE `mechkg:<slug>`, or null for any other id. */
export function ownSlug(id: string): string | null {
  return id.startsWith(OWN_PREFIX) && SLUG.test(id.slice(OWN_PREFIX.length)) ? id.slice(OWN_PREFIX.length) : null;
}
