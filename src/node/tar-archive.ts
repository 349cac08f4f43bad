/**
 * Node-only: the regular files of a tar archive (POSIX ustar, with GNU long names and pax `path` records), as
 * KGX releases ship their nodes and edges files (`kgx transform --output-format tsv --compression tar.gz`).
 * Read from bytes already in memory (a .tar.gz is gunzipped first); nothing is written to disk.
 */

export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const decoder = new TextDecoder();
const field = (b: Uint8Array, start: number, length: number): string => {
  const raw = b.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return decoder.decode(nul < 0 ? raw : raw.subarray(0, nul));
};

/** Whether bytes start with a ustar header ("ustar" at offset 257). */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && field(bytes, 257, 5) === 'ustar';
}

/** The regular files of a tar archive, in archive order; throws on a header that runs past the end. */
export function tarEntries(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let longName: string | null = null;
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // end of archive
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const start = at + 512;
    const end = start + size;
    if (!Number.isFinite(size) || end > bytes.length) throw new Error(`a tar header at byte ${at} gives a size (${size}) past the end of the archive`);
    const data = bytes.subarray(start, end);
    if (type === 'L') longName = field(data, 0, data.length);
    else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(decoder.decode(data));
      if (path) longName = path[1]!;
    } else {
      const prefix = field(header, 345, 155);
      const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
      longName = null;
      if (type === '0' || type === '\0') out.push({ name, data });
    }
    at = start + Math.ceil(size / 512) * 512;
  }
  return out;
}
