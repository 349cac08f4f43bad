/**
 * A lesson as files to take away: a self-contained offline HTML handout (figures inlined as PNG data,
 * no script, nothing fetched) and a PowerPoint deck (pptxgenjs, loaded only here), one slide per step:
 * the figure, the step's sentence, numbered citations, and the lecturer's note as speaker notes.
 */
import { citationText as sourceCitation, type KnowledgeGraph, type SourceData } from '../../src/index.js';
import { download, fileStem } from '../exports/download.js';
import type { Lesson } from '../state/lesson-state.js';
import { h } from '../ui/dom.js';

/** A step's figure: a PNG data URL and its size in pixels. */
export interface Figure {
  dataUrl: string;
  width: number;
  height: number;
}

/** The one citation style (src/model/citation.ts) as plain text; the bare id when the registry lacks it. */
export function citationText(id: string, s: SourceData | undefined): string {
  return s ? sourceCitation(s) : id;
}

const HANDOUT_CSS = `body{font-family:system-ui,"DejaVu Sans",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}.meta{color:#57606a}section{border-top:1px solid #d0d7de;margin-top:1.5rem;padding-top:1rem;break-inside:avoid}
h2{font-size:1.25rem}img{max-width:100%;border:1px solid #d0d7de}.sentence{font-size:1.15rem;font-weight:600}.note{background:#f6f8fa;border-left:4px solid #e69f00;padding:.5rem .8rem}
ol.cites{font-size:.9rem}footer{margin-top:2rem;color:#57606a;font-size:.85rem}`;

export function handoutHtml(graph: KnowledgeGraph, lesson: Lesson, figures: readonly Figure[]): string {
  const sources = graph.getAttribute('sources') ?? {};
  const body = h(
    'main',
    {},
    h('h1', {}, lesson.lesson.title),
    h('p', { class: 'meta' }, `For ${lesson.lesson.audience} · ${lesson.steps.length} steps · from the mechkg graph "${graph.getAttribute('name')}"`),
    lesson.lesson.summary ? h('p', {}, lesson.lesson.summary) : null,
    lesson.steps.map((s, i) =>
      h(
        'section',
        { attrs: { 'data-step': i + 1 } },
        h('h2', {}, `${i + 1}. ${s.title}`),
        figures[i] ? h('img', { attrs: { src: figures[i]!.dataUrl, width: figures[i]!.width, height: figures[i]!.height, alt: `Figure for step ${i + 1}: ${s.title}` } }) : null,
        h('p', { class: 'sentence' }, s.sentence),
        s.note ? h('p', { class: 'note' }, h('strong', {}, 'Note: '), s.note) : null,
        s.citations.length ? h('ol', { class: 'cites' }, s.citations.map((c) => h('li', {}, citationText(c, sources[c])))) : null,
      ),
    ),
    h('footer', {}, 'Made with the mechkg explorer. Each figure shows the explorer view of its step; signs: arrowhead = raises, T-bar = lowers.'),
  );
  const csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(lesson.lesson.title)}</title><style>${HANDOUT_CSS}</style></head><body>${body.outerHTML}</body></html>\n`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function exportHandout(graph: KnowledgeGraph, lesson: Lesson, figures: readonly Figure[]): void {
  download(new Blob([handoutHtml(graph, lesson, figures)], { type: 'text/html' }), `${fileStem(lesson.lesson.title)}.html`);
}

/** Fits w x h into a box, keeping the aspect ratio; inches. */
function fit(w: number, h: number, boxW: number, boxH: number) {
  const k = Math.min(boxW / w, boxH / h);
  return { w: w * k, h: h * k };
}

export async function exportSlides(graph: KnowledgeGraph, lesson: Lesson, figures: readonly Figure[]): Promise<void> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const sources = graph.getAttribute('sources') ?? {};
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 x 7.5 in
  pptx.title = lesson.lesson.title;
  pptx.subject = lesson.lesson.summary ?? lesson.lesson.title;
  const font = 'Calibri';
  const first = pptx.addSlide();
  first.addText(lesson.lesson.title, { x: 0.6, y: 2.2, w: 12.1, h: 1.2, fontSize: 36, bold: true, fontFace: font, color: '1F2328' });
  first.addText(`For ${lesson.lesson.audience}`, { x: 0.6, y: 3.5, w: 12.1, h: 0.6, fontSize: 20, fontFace: font, color: '57606A' });
  if (lesson.lesson.summary) first.addText(lesson.lesson.summary, { x: 0.6, y: 4.2, w: 12.1, h: 1.4, fontSize: 16, fontFace: font, color: '1F2328' });
  lesson.steps.forEach((s, i) => {
    const slide = pptx.addSlide();
    slide.addText(`${i + 1}. ${s.title}`, { x: 0.5, y: 0.25, w: 12.3, h: 0.7, fontSize: 26, bold: true, fontFace: font, color: '1F2328' });
    const fig = figures[i];
    if (fig) {
      const size = fit(fig.width, fig.height, 7.9, 5.9);
      slide.addImage({ data: fig.dataUrl, x: 0.5 + (7.9 - size.w) / 2, y: 1.1 + (5.9 - size.h) / 2, w: size.w, h: size.h, altText: `Explorer view for step ${i + 1}` });
    }
    slide.addText(s.sentence, { x: 8.6, y: 1.1, w: 4.3, h: 3.0, fontSize: 20, fontFace: font, color: '1F2328', valign: 'top' });
    if (s.citations.length) {
      slide.addText(
        s.citations.map((c, k) => ({ text: `[${k + 1}] ${citationText(c, sources[c])}`, options: { breakLine: true } })),
        { x: 8.6, y: 4.2, w: 4.3, h: 2.8, fontSize: 10, fontFace: font, color: '57606A', valign: 'top' },
      );
    }
    if (s.note) slide.addNotes(s.note);
  });
  const blob = (await pptx.write({ outputType: 'blob' })) as Blob;
  download(blob, `${fileStem(lesson.lesson.title)}.pptx`);
}
