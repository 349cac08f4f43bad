/**
 * SVG -> PNG with resvg (@resvg/resvg-js: a Rust renderer shipped as prebuilt Node binaries inside npm
 * packages, loaded on the first PNG). Text is set in Arimo, shipped in @expo-google-fonts/arimo: its widths
 * match the Helvetica metrics Graphviz lays the figure out with, so labels fit their boxes on every
 * machine; system fonts stay loaded for characters Arimo lacks (arrows, CJK).
 */
import { createRequire } from 'node:module';
import { MechkgError } from '../errors.js';

const require = createRequire(import.meta.url);
const FONTS = ['@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf', '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf'];

/** Rasterises SVG at dpi on a white background (resvg sizes an SVG in CSS pixels, 96 to the inch; Graphviz's "pt" sizes convert to those). */
export async function svgToPng(svg: string, dpi = 150): Promise<Uint8Array> {
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (err) {
    throw new MechkgError(
      `export: --format png needs @resvg/resvg-js's prebuilt binary for ${process.platform}-${process.arch}, which did not load (${firstLine(err)}); ` +
        'export --format svg, or render PNG with the system dot: --graphviz system',
    );
  }
  const fontFiles = FONTS.flatMap((f) => {
    try {
      return [require.resolve(f)];
    } catch {
      return []; // without Arimo the system sans-serif is used: the figure is still right, only less tidy
    }
  });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / 96 },
    background: 'white',
    font: { fontFiles, loadSystemFonts: true, defaultFontFamily: 'Arimo', sansSerifFamily: 'Arimo' },
  });
  return new Uint8Array(resvg.render().asPng());
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
