#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script).
// A big KGX edges file is read by two threads: the second one starts now, while the CLI loads
// (only when --graph is given: the curated graph's queries pay nothing for it).
const args = process.argv.slice(2);
if (args.some((a) => a === '--graph' || a.startsWith('--graph='))) (await import('../dist/src/scale/open-large-kgx.js')).warmForArguments(args);
const { main } = await import('../dist/src/cli/main.js');

/** Resolves once everything written to the stream so far has been handed to the OS (or the stream is gone). */
const flushed = (stream) =>
  new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });

const code = await main(process.argv);
process.exitCode = code;
// Every command has finished its work when main resolves: leave as soon as the output is written,
// without tearing the heap down object by object (tens of milliseconds after a million-edge load).
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
