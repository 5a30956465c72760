/**
 * SVG -> PNG through the optional `@resvg/resvg-js` package (Node only). Returns null, never throws, when
 * the package or its native binary is unavailable, so callers can skip the PNG with a note.
 */

/** Result of a rasterisation attempt. */
export type PngResult = { ok: true; png: Uint8Array } | { ok: false; reason: string };

/** Rasterise an SVG string at `scale` times its nominal size (default 2, for crisp figures). */
export async function svgToPng(svg: string, scale = 2): Promise<PngResult> {
  let mod: typeof import('@resvg/resvg-js');
  try {
    mod = await import('@resvg/resvg-js');
  } catch (err) {
    return { ok: false, reason: `@resvg/resvg-js is not available (${err instanceof Error ? err.message : String(err)})` };
  }
  try {
    const Resvg = mod.Resvg ?? (mod as unknown as { default: typeof mod }).default.Resvg;
    const r = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    });
    return { ok: true, png: r.render().asPng() };
  } catch (err) {
    return { ok: false, reason: `PNG rendering failed (${err instanceof Error ? err.message : String(err)})` };
  }
}
