/**
 * Data keys are data: a value read from a file ("constructor", "__proto__", "toString") used as a key into an
 * ordinary object would find Object.prototype's members. Lookups of data values go through ownValue.
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | null | undefined, key: string | null | undefined): V | undefined {
  return record != null && key != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
