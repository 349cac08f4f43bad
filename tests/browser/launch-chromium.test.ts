/** The shared Chromium launcher: it decides by launching, and unpacks the npm Chromium only into a private directory. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeMissing, ENABLE_COMMAND, findChromium, launchFound, privateDir, requestedSources } from './launch-chromium.mjs';

const uid = process.getuid?.() ?? 0;
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('Chromium launcher', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  it('the npm Chromium (@sparticuz/chromium) launches and renders a page on Linux x64, and says why not elsewhere', async () => {
    const search = await findChromium(['bundled']);
    if (!linuxX64) {
      expect(search.found).toBeNull();
      expect(search.tried[0]!.error).toMatch(/Linux x64 only/);
      return;
    }
    expect(search.found?.source).toBe('bundled');
    expect(search.found!.executablePath).toBe(join(tmpdir(), `mechkg-chromium-${uid}`, search.found!.executablePath!.split('/').at(-2)!, 'chromium'));
    expect(statSync(join(tmpdir(), `mechkg-chromium-${uid}`)).mode & 0o077).toBe(0);
    const browser = await launchFound(search.found!);
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="p"></p><script>document.getElementById("p").textContent = [1, 2].map((x) => x * 21).join(",")</script>');
      expect(await page.textContent('#p')).toBe('21,42');
    } finally {
      await browser.close();
    }
  });

  it('a system Chromium that exists but cannot run is reported as tried, not used', async () => {
    const old = process.env.MECHKG_CHROMIUM;
    process.env.MECHKG_CHROMIUM = '/bin/false';
    try {
      const search = await findChromium(['system']);
      expect(search.found).toBeNull();
      expect(search.tried.map((t) => t.what)).toEqual(['/bin/false']);
      const line = describeMissing(search);
      expect(line).toContain('/bin/false');
      expect(line.endsWith(`Enable them with: ${ENABLE_COMMAND}`)).toBe(true);
      expect(line).not.toContain('\n');
    } finally {
      if (old === undefined) delete process.env.MECHKG_CHROMIUM;
      else process.env.MECHKG_CHROMIUM = old;
    }
  });

  it('MECHKG_BROWSER picks one source; a wrong value is an error naming the choices', () => {
    expect(requestedSources('')).toEqual(['system', 'bundled', 'playwright']);
    expect(requestedSources('auto')).toEqual(['system', 'bundled', 'playwright']);
    expect(requestedSources('bundled')).toEqual(['bundled']);
    expect(() => requestedSources('firefox')).toThrow('MECHKG_BROWSER=firefox: expected auto, system, bundled, playwright');
  });

  it('the unpack directory is refused when it is a symlink, open to others, or owned by someone else', () => {
    const base = () => {
      made.push(mkdtempSync(join(tmpdir(), 'mechkg-launcher-test-')));
      return made.at(-1)!;
    };
    const name = `mechkg-chromium-${uid}`;

    const fresh = base();
    const dir = privateDir(fresh);
    expect(dir).toBe(join(fresh, name));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(privateDir(fresh)).toBe(dir); // an existing private one is reused

    const planted = base();
    mkdirSync(join(planted, 'elsewhere'), { mode: 0o700 });
    symlinkSync(join(planted, 'elsewhere'), join(planted, name));
    expect(() => privateDir(planted)).toThrow(/is not a directory \(a symlink or file is in the way\)/);

    const open = base();
    mkdirSync(join(open, name));
    chmodSync(join(open, name), 0o777);
    expect(() => privateDir(open)).toThrow(/is open to other users \(mode 777\)/);

    const theirs = base();
    mkdirSync(join(theirs, name.replace(String(uid), String(uid + 1))), { mode: 0o700 });
    expect(() => privateDir(theirs, uid + 1)).toThrow(`belongs to uid ${uid}, not to you (uid ${uid + 1})`);
  });
});
