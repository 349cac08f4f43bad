/** Node-only: writes an export to a file, a set of PREFIX_* files, or stdout. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import type { ExportFormat, ExportOutput } from '../export/export-types.js';

/** Where an export went: the files written, or "-" for stdout. */
export function writeExportOutput(format: ExportFormat, output: ExportOutput, out: string | undefined, stdout: (text: string) => void): string[] {
  if (typeof output !== 'string' && !(output instanceof Uint8Array)) {
    if (!out) throw new UsageError(`export: --format ${format.name} writes several files (${output.files.map((f) => `PREFIX_${f.name}`).join(', ')}); give --out PREFIX`);
    const prefix = out.replace(/_(?:nodes|edges)\.\w+$/, '');
    return output.files.map((f) => write(`${prefix}_${f.name}`, f.content));
  }
  if (output instanceof Uint8Array) {
    if (!out) throw new UsageError(`export: --format ${format.name} is binary; give --out FILE`);
    return [write(out, output)];
  }
  if (!out || out === '-') {
    stdout(output);
    return ['-'];
  }
  return [write(out, output)];
}

function write(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
