// The theme the person chose (Settings, View ▸ Theme): every style sheet's dark rules are
// written `@media (prefers-color-scheme: dark)`, so that "As the system" is the browser's
// own answer from the first paint. A chosen theme turns those rules on or off where they
// stand (their media condition rewritten in the CSS object model: no second copy of any
// rule, and a sheet added by another part of the app needs nothing of its own). In the
// desktop app the main process also sets Electron's nativeTheme, so the system answer and
// this agree.
import type { Theme } from '../../../common/preferences';

const DARK_FEATURE = /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi;
const LIGHT_FEATURE = /\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi;
/** Each media rule's own condition, before any rewriting. */
const originals = new WeakMap<CSSMediaRule, string>();
const scheme = window.matchMedia('(prefers-color-scheme: dark)');

let chosen: Theme = 'system';

/** A media condition with the colour-scheme features answered: `dark` true, or false. */
function answered(condition: string, dark: boolean): string {
  const trimmed = condition.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\(prefers-color-scheme: ?dark\)$/.test(trimmed)) return dark ? 'all' : 'not all';
  if (/^\(prefers-color-scheme: ?light\)$/.test(trimmed)) return dark ? 'not all' : 'all';
  const always = '(min-width: 0px)';
  const never = '(not (min-width: 0px))';
  return condition.replace(DARK_FEATURE, dark ? always : never).replace(LIGHT_FEATURE, dark ? never : always);
}

function rewrite(rules: CSSRuleList): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule) {
      const original = originals.get(rule) ?? rule.media.mediaText;
      if (/prefers-color-scheme/i.test(original)) {
        originals.set(rule, original);
        const next = chosen === 'system' ? original : answered(original, chosen === 'dark');
        if (rule.media.mediaText !== next) rule.media.mediaText = next;
      }
      rewrite(rule.cssRules);
    } else if (rule instanceof CSSSupportsRule || rule instanceof CSSLayerBlockRule) rewrite(rule.cssRules);
  }
}

/** Whether the window is dark now (the chosen theme, or the system's). */
export function isDarkTheme(): boolean {
  return chosen === 'dark' || (chosen === 'system' && scheme.matches);
}

/** Puts the window in `theme`; views that paint colours themselves (the link chart) hear `sourcebook:theme`. */
export function applyTheme(theme: Theme): void {
  chosen = theme;
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      rewrite(sheet.cssRules);
    } catch {
      // A sheet from another origin cannot be read; the app has none.
    }
  }
  const root = document.documentElement;
  // Form controls and scroll bars follow too.
  root.style.colorScheme = theme === 'system' ? '' : theme;
  root.dataset.theme = isDarkTheme() ? 'dark' : 'light';
  window.dispatchEvent(new Event('sourcebook:theme'));
}

scheme.addEventListener('change', () => {
  if (chosen === 'system') applyTheme('system');
});
