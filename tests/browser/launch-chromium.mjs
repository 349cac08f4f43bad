/**
 * The one Chromium launcher for everything in this repository that drives a browser: tests/browser, the
 * Mermaid and HTML checks in tests/export, tests/browser/take-screenshots.mjs and scripts/bench-web.mjs.
 *
 * It decides by launching, never by looking for a file: each candidate is started headless and the first
 * that comes up wins.
 *   system      MECHKG_CHROMIUM if set, else /usr/bin/chromium, /usr/bin/chromium-browser, then the
 *               installed Google Chrome (playwright's `chrome` channel: Linux, macOS, Windows)
 *   bundled     the Chromium inside the @sparticuz/chromium dev dependency (Linux x64 only), unpacked once
 *               per version into a private per-user directory (see privateDir)
 *   playwright  the browser that `npx playwright-core install chromium` downloads (any platform)
 * MECHKG_BROWSER=system|bundled|playwright tries only that source (so the no-system-browser path can be
 * run on a machine that has one); MECHKG_BROWSER=auto or unset tries all three in that order.
 */
import { createReadStream, createWriteStream, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium } from 'playwright-core';

/** The single command that gives a machine with no usable Chromium one that the tests can launch. */
export const ENABLE_COMMAND = 'npx playwright-core install chromium';

/** Flags for a quiet offline headless run (no background connections on a closed network). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SOURCES = ['system', 'bundled', 'playwright'];
const require = createRequire(import.meta.url);

/**
 * @typedef {{ source: 'system' | 'bundled' | 'playwright', executablePath?: string, channel?: string, env?: Record<string, string>, version: string }} FoundChromium
 * @typedef {{ source: string, what: string, error: string }} FailedCandidate
 * @typedef {{ found: FoundChromium | null, tried: FailedCandidate[] }} ChromiumSearch
 */

/** The sources to try, from MECHKG_BROWSER. Throws on a value that is not one of them. */
export function requestedSources(value = process.env.MECHKG_BROWSER) {
  if (!value || value === 'auto') return SOURCES;
  if (!SOURCES.includes(value)) throw new Error(`MECHKG_BROWSER=${value}: expected auto, ${SOURCES.join(', ')}`);
  return [value];
}

/** Candidates of one source, as { what, options } where options are playwright launch options. */
async function candidates(source) {
  if (source === 'system') {
    if (process.env.MECHKG_CHROMIUM) return [{ what: process.env.MECHKG_CHROMIUM, options: { executablePath: process.env.MECHKG_CHROMIUM } }];
    return [
      { what: '/usr/bin/chromium', options: { executablePath: '/usr/bin/chromium' } },
      { what: '/usr/bin/chromium-browser', options: { executablePath: '/usr/bin/chromium-browser' } },
      { what: 'Google Chrome (channel chrome)', options: { channel: 'chrome' } },
    ];
  }
  if (source === 'bundled') {
    const { executablePath, libDir } = await unpackBundledChromium();
    // The package also carries Amazon Linux's NSS libraries; they are used only when the machine lacks its own.
    const withLibs = { ...process.env, LD_LIBRARY_PATH: [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
    return [
      { what: executablePath, options: { executablePath } },
      { what: `${executablePath} with its own NSS libraries`, options: { executablePath, env: withLibs } },
    ];
  }
  return [{ what: "playwright's own download", options: {} }];
}

/** Tries the requested sources in order; the first Chromium that launches is returned (and closed). */
export async function findChromium(sources = requestedSources()) {
  const tried = [];
  for (const source of sources) {
    let list;
    try {
      list = await candidates(source);
    } catch (err) {
      tried.push({ source, what: source, error: firstLine(err) });
      continue;
    }
    for (const { what, options } of list) {
      try {
        const browser = await chromium.launch({ ...options, args: CHROMIUM_ARGS, timeout: 60000 });
        const version = browser.version();
        await browser.close();
        return { found: { source, ...options, version }, tried };
      } catch (err) {
        tried.push({ source, what, error: firstLine(err) });
      }
    }
  }
  return { found: null, tried };
}

/** Launches a Chromium that findChromium found (no new search). Extra args are appended. */
export function launchFound(found, extraArgs = []) {
  const { executablePath, channel, env } = found;
  return chromium.launch({ executablePath, channel, env, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** For scripts: finds and launches a Chromium, or throws an error that lists what was tried. */
export async function launchChromium(extraArgs = []) {
  const search = await findChromium();
  if (!search.found) throw new Error(describeMissing(search));
  return launchFound(search.found, extraArgs);
}

/** One line on which Chromium is used and why (the fallbacks that failed). */
export function describeFound({ found, tried }) {
  const where = found.executablePath ?? `channel ${found.channel ?? 'playwright'}`;
  const skipped = tried.length ? `; did not launch: ${tried.map((t) => `${t.what} (${t.error})`).join('; ')}` : '';
  return `Chromium ${found.version} (${found.source}: ${where})${skipped}`;
}

/** The loud line for a machine where nothing launched: what was tried and the one command that fixes it. */
export function describeMissing({ tried }) {
  return `NO CHROMIUM LAUNCHED, browser tests are SKIPPED (tried ${tried.map((t) => `${t.what}: ${t.error}`).join('; ')}). Enable them with: ${ENABLE_COMMAND}`;
}

function firstLine(err) {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split('\n').map((l) => l.trim()).find((l) => l && !/^=+/.test(l) && !l.startsWith('Call log')) ?? text;
  return line.replace(/^browserType\.launch: /, '').slice(0, 200);
}

/**
 * A directory only this user can use: $TMPDIR/mechkg-chromium-<uid>, created 0700. The name is
 * predictable, so an existing one is trusted only if it is a real directory (not a symlink) owned by this
 * user and closed to everyone else; otherwise this refuses rather than run a binary someone else planted.
 */
export function privateDir(base = tmpdir(), uid = process.getuid?.()) {
  const dir = join(base, `mechkg-chromium-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  }
  const s = lstatSync(dir);
  if (!s.isDirectory()) throw new Error(`${dir} is not a directory (a symlink or file is in the way); remove it`);
  if (uid !== undefined && s.uid !== uid) throw new Error(`${dir} belongs to uid ${s.uid}, not to you (uid ${uid}); remove it or set TMPDIR`);
  if ((s.mode & 0o077) !== 0) throw new Error(`${dir} is open to other users (mode ${(s.mode & 0o777).toString(8)}); remove it or chmod 700 it`);
  return dir;
}

/**
 * Unpacks @sparticuz/chromium's brotli-packed binary (and its NSS libraries) into privateDir()/<version>,
 * once: a new unpack goes to a fresh temporary sibling and is renamed into place, so a concurrent or
 * interrupted unpack never leaves a half-written browser that a later run would trust.
 */
export async function unpackBundledChromium() {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`@sparticuz/chromium runs on Linux x64 only (this is ${process.platform}-${process.arch})`);
  let pkgDir;
  try {
    pkgDir = dirname(dirname(dirname(require.resolve('@sparticuz/chromium'))));
  } catch {
    throw new Error('@sparticuz/chromium is not installed (run npm install)');
  }
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const home = privateDir();
  const target = join(home, version);
  const result = { executablePath: join(target, 'chromium'), libDir: join(target, 'lib') };
  if (await exists(result.executablePath)) return result;
  const work = await mkdtemp(join(home, `unpack-${version}-`));
  try {
    await pipeline(createReadStream(join(pkgDir, 'bin/chromium.br')), createBrotliDecompress(), createWriteStream(join(work, 'chromium'), { mode: 0o700 }));
    const { extract } = require('tar-fs');
    await pipeline(createReadStream(join(pkgDir, 'bin/al2023.tar.br')), createBrotliDecompress(), extract(work, { chown: false }));
    try {
      await rename(work, target);
    } catch (err) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(err.code)) throw err; // another process finished first: use its copy
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return result;
}

async function exists(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
