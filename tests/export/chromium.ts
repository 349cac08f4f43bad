/** One headless Chromium per test file: the one tests/browser/global-setup.ts found for this run. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

export { hasChromium, launchTestChromium as launchChromium } from '../browser/test-chromium.js';

/** Parses Mermaid text with mermaid's own parser in a blank page; returns vertex and edge texts. */
export async function parseMermaid(browser: Browser, text: string): Promise<{ type: string; vertices: string[]; edges: { text: string; type: string; stroke: string }[] }> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    const src = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
    await page.addScriptTag({ content: src });
    return await page.evaluate(async (t) => {
      const m = (window as unknown as { mermaid: any }).mermaid; // eslint-disable-line @typescript-eslint/no-explicit-any
      const parsed = await m.parse(t);
      const d = await m.mermaidAPI.getDiagramFromText(t);
      const decode = (s: string) => {
        const area = document.createElement('textarea');
        area.innerHTML = s.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
        return area.value.replace(/<br\s*\/?>/g, '\n');
      };
      return {
        type: parsed.diagramType,
        vertices: [...d.db.getVertices().values()].map((v: { text: string }) => decode(v.text)),
        edges: d.db.getEdges().map((e: { text: string; type: string; stroke: string }) => ({ text: decode(e.text), type: e.type, stroke: e.stroke })),
      };
    }, text);
  } finally {
    await page.close();
  }
}
