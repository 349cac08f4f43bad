/** The file name without directories: imported graphs carry a file's name, never the importing machine's paths. */
export function displayName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
