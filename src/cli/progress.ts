/** Progress of long enumerations on stderr, only when stderr is a terminal (never mixed into stdout). */
import type { Progress } from '../query/budget.js';

export interface ProgressLine {
  onProgress?: (p: Progress) => void;
  done(): void;
}

export function progressLine(label: string): ProgressLine {
  if (!process.stderr.isTTY) return { done() {} };
  let shown = false;
  return {
    onProgress(p) {
      shown = true;
      process.stderr.write(`\r${label}: ${p.expansions.toLocaleString('en')} edges expanded, ${p.found} found, ${(p.elapsedMs / 1000).toFixed(1)} s`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
