/**
 * Node-only: reads a mechkg graph directory (sources.yaml plus module YAML files) into GraphFile[].
 * A graph folder may come from anyone (a download, a pull request), so reading is confined to it: a link
 * whose target leaves the folder, a link loop, a FIFO, socket or device named *.yaml, and a file over
 * MAX_GRAPH_FILE_BYTES are each an error naming the file, and nothing of such a file is read. Invalid UTF-8
 * is a located warning (the bad bytes read as U+FFFD).
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MechkgError, ValidationError } from '../errors.js';
import type { GraphFile, Problem } from '../model/types.js';

/** The largest data file read (32 MiB, about 40,000 nodes with descriptions in one module file). */
export const MAX_GRAPH_FILE_BYTES = 32 * 1024 * 1024;

export interface GraphDirContents {
  files: GraphFile[];
  /** Files refused or read with a warning, each naming the file relative to the folder. */
  problems: Problem[];
}

const YAML_NAME = /\.ya?ml$/i;
// O_NOFOLLOW: a link swapped in after the check is not followed; O_NONBLOCK: opening a FIFO never waits.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Every *.yaml / *.yml file under dir, sorted (hidden folders and node_modules skipped), read safely. */
export function readGraphDirContents(dir: string): GraphDirContents {
  const root = resolve(dir);
  if (!existsSync(root)) throw new MechkgError(`${dir}: no such file or directory`);
  if (!statSync(root).isDirectory()) throw new MechkgError(`${dir}: not a directory`);
  const realRoot = realpathSync(root);
  const out: GraphDirContents = { files: [], problems: [] };
  const rel = (full: string) => relative(root, full).split(sep).join('/') || '.';
  const refuse = (full: string, message: string, code: Problem['code'] = 'unsafe_file') =>
    out.problems.push({ level: 'error', code, file: rel(full), message });

  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (err) {
      refuse(d, `cannot list this folder (${errorCode(err)})`, 'unreadable_file');
      return;
    }
    // Only the entries read decide the order (a README.md beside the modules must not cost the collator).
    const read = entries.filter((e) => (e.isDirectory() ? e.name !== 'node_modules' && !e.name.startsWith('.') : YAML_NAME.test(e.name)));
    read.sort(byName(read));
    for (const entry of read) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      let target = full;
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(full);
        } catch (err) {
          const code = errorCode(err);
          refuse(full, code === 'ELOOP' ? 'a symbolic link loop' : `a symbolic link that cannot be followed (${code})`);
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          refuse(full, 'a symbolic link to a file outside the graph folder; copy the file in instead');
          continue;
        }
      }
      readOne(target, rel(full), out);
    }
  };
  walk(root);
  return out;
}

/**
 * The order of a folder's entries: localeCompare, as always; but when every name is lowercase letters,
 * digits, hyphens and dots (every curated file), plain code-unit order, which gives the same order for such
 * names without starting the ICU collator (some 8 ms a process).
 */
export function byName(entries: readonly { name: string }[]): (a: { name: string }, b: { name: string }) => number {
  if (entries.every((e) => PLAIN_NAME.test(e.name))) return (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return (a, b) => a.name.localeCompare(b.name);
}

const PLAIN_NAME = /^[a-z0-9.-]*$/;

function readOne(target: string, path: string, out: GraphDirContents): void {
  const refuse = (message: string, code: Problem['code'] = 'unsafe_file'): void => void out.problems.push({ level: 'error', code, file: path, message });
  let kind: string;
  try {
    kind = fileKind(target);
  } catch (err) {
    refuse(`cannot open (${errorCode(err)})`, 'unreadable_file');
    return;
  }
  if (kind !== 'file') {
    if (kind !== 'directory') refuse(`not a regular file (${kind}); only plain YAML files are read`);
    return;
  }
  let fd: number;
  try {
    fd = openSync(target, OPEN_FLAGS);
  } catch (err) {
    refuse(`cannot open (${errorCode(err)})`, 'unreadable_file');
    return;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return refuse('not a regular file; only plain YAML files are read');
    if (st.size > MAX_GRAPH_FILE_BYTES) return refuse(`${st.size} bytes, over the ${MAX_GRAPH_FILE_BYTES}-byte limit for one data file; split the module`, 'file_too_large');
    const bytes = readAll(fd, st.size);
    if (bytes === null) return refuse(`grew past the ${MAX_GRAPH_FILE_BYTES}-byte limit while being read`, 'file_too_large');
    out.files.push({ path, text: decodeUtf8(bytes, path, out.problems) });
  } catch (err) {
    refuse(`cannot read (${errorCode(err)})`, 'unreadable_file');
  } finally {
    closeSync(fd);
  }
}

function fileKind(path: string): string {
  const st = lstatSync(path);
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** Reads to the end, at most MAX_GRAPH_FILE_BYTES (null when there is more: the file grew). */
function readAll(fd: number, expected: number): Buffer | null {
  const buf = Buffer.alloc(Math.min(expected, MAX_GRAPH_FILE_BYTES) + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) return null;
    const got = readSync(fd, buf, n, buf.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of bytes; invalid UTF-8 adds a warning at the first bad byte and reads as U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, file: string, problems: Problem[]): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
    const column = lenientUtf8.decode(bytes.subarray(lineStart, offset)).length + 1;
    problems.push({ level: 'warning', code: 'invalid_utf8', file, line, column, message: `invalid UTF-8 (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at offset ${offset}); bad bytes read as U+FFFD: save the file as UTF-8` });
    return lenientUtf8.decode(bytes);
  }
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
    }
    const second = b[i + 1]!;
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return b.length;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}

/** All *.yaml / *.yml files under dir (paths relative to dir with forward slashes); throws on a refused file. */
export function readGraphDir(dir: string): GraphFile[] {
  const { files, problems } = readGraphDirContents(dir);
  if (problems.some((p) => p.level === 'error')) throw new ValidationError(problems);
  return files;
}

/** The curated graph directory shipped with the package (found by walking up from this file). */
export function bundledGraphDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, 'graph', 'sources.yaml')) && existsSync(join(d, 'package.json'))) return join(d, 'graph');
    d = dirname(d);
  }
  throw new MechkgError('mechkg: cannot find the bundled graph directory (graph/sources.yaml)');
}
