/**
 * A value derived once per index (a step-pair table, say), kept in a WeakMap so it goes with the index, with a
 * one-entry cache in front: the step-pair checks that read these tables run in the searches' inner loops, where a
 * WeakMap lookup per call would cost more than the check.
 */
import type { PathIndex } from './path-index.js';

export function memoPerIndex<T>(build: (index: PathIndex) => T): (index: PathIndex) => T {
  const values = new WeakMap<PathIndex, { value: T }>();
  let lastIndex: PathIndex | null = null;
  let lastValue: T | undefined;
  return (index) => {
    if (index === lastIndex) return lastValue as T;
    let entry = values.get(index);
    if (entry === undefined) {
      entry = { value: build(index) };
      values.set(index, entry);
    }
    lastIndex = index;
    lastValue = entry.value;
    return entry.value;
  };
}
