/** Width of a line of text as a canvas draws it (Cytoscape measures labels the same way). */
let measure: CanvasRenderingContext2D | null | undefined;

/** Widths measured (the readable names are measured again, at the same size on screen, after every zoom). */
const widths = new Map<string, number>();

export function textWidth(text: string, px: number, family: string, weight: 'normal' | 'bold' = 'normal'): number {
  measure ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  // Without a canvas (never in a browser): a generous estimate for a proportional font.
  if (!measure) return text.length * px * 0.62;
  const font = `normal ${weight} ${px}px ${family}`;
  const key = `${font}\u0000${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  measure.font = font;
  const width = Math.ceil(measure.measureText(text).width);
  if (widths.size > 20000) widths.clear();
  widths.set(key, width);
  return width;
}

/** The width of a one-line label cut to maxWidth with an ellipsis, as Cytoscape's text-wrap: ellipsis cuts it. */
export function ellipsisWidth(text: string, px: number, family: string, weight: 'normal' | 'bold', maxWidth: number): number {
  const full = textWidth(text, px, family, weight);
  if (full < maxWidth) return full;
  let kept = '';
  for (const ch of text) {
    if (textWidth(`${kept}${ch}…`, px, family, weight) > maxWidth) break;
    kept += ch;
  }
  return textWidth(`${kept}…`, px, family, weight);
}
