// Highlight colours: each excerpt takes a stable hue from its first tag's name (the same
// tag is the same colour in every source, every session); untagged excerpts are a neutral
// tone. Saturation, lightness and opacity come from the theme (CSS variables), so one
// hue reads well in light and dark.

/** Hues far enough apart to tell apart at highlight strength. */
const HUES = [212, 32, 146, 276, 352, 186, 48, 318, 96, 244] as const;

/** FNV-1a over the UTF-16 code units: small, stable, well spread. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hue of a tag (case-insensitive), or null for no tag (neutral). */
export function tagHue(tag: string | undefined): number | null {
  if (!tag) return null;
  return HUES[hash(tag.trim().toLowerCase()) % HUES.length];
}

/** The fill of a highlight of `hue`, at theme opacity. */
export function fillColor(hue: number | null): string {
  return hue === null ? 'hsl(40 var(--hl-neutral-sat) var(--hl-neutral-light) / var(--hl-alpha))' : `hsl(${hue} var(--hl-sat) var(--hl-light) / var(--hl-alpha))`;
}

/** The underline (and list stripe) of a highlight of `hue`. */
export function lineColor(hue: number | null): string {
  return hue === null ? 'hsl(40 var(--hl-neutral-sat) var(--hl-neutral-line) / 0.9)' : `hsl(${hue} var(--hl-line-sat) var(--hl-line-light) / 0.9)`;
}

/** At most this many underlines stack under one stretch of text. */
export const MAX_LINES = 3;

/**
 * The CSS custom properties of a stretch of text covered by excerpts of these hues
 * (bottom layer first): translucent fills layered (so overlaps are darker and mixed),
 * and one 2px underline per excerpt, stacked.
 */
export function highlightStyle(hues: readonly (number | null)[]): Record<string, string> {
  const fills = hues.map((h) => `linear-gradient(${fillColor(h)}, ${fillColor(h)})`);
  const lines = hues
    .slice(-MAX_LINES)
    .reverse()
    .map((h, i) => `inset 0 -${2 * (i + 1)}px 0 ${lineColor(h)}`);
  return { '--hl-fill': fills.join(', '), '--hl-lines': lines.join(', ') };
}
