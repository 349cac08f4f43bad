/**
 * What happens when standard output goes away. A reader that stops early (`mechkg paths ... | head -1`) closes
 * the pipe: mechkg stops at once and exits 0, quietly, because the reader asked for no more. Any other write
 * failure (a full disk: `> /dev/full`) is one line on stderr and exit 1.
 */
export function guardStandardStreams(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    try {
      process.stderr.write(`mechkg: cannot write to standard output (${err.code ?? err.message})\n`);
    } finally {
      process.exit(1);
    }
  });
  // With stderr gone there is nowhere left to report; the exit code still tells.
  process.stderr.on('error', () => undefined);
}
