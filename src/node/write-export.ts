/** Node-only: writes an export to a file, a set of PREFIX_* files, or stdout. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MechkgError, UsageError } from '../errors.js';
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

/** Writes one file; a failure (a full disk, a directory, no permission) names the path, exit 1. */
function write(path: string, content: string | Uint8Array): string {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code !== 'string') throw err;
    throw new MechkgError(`export: cannot write ${path}: ${REASONS[e.code] ?? e.message} (${e.code})`);
  }
  return path;
}

const REASONS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null), {
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a directory (give a file name, or PREFIX for multi-file formats)',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'a part of the path exists and is not a directory',
    EDQUOT: 'disk quota exceeded',
  }),
);
