// The window as the preferences want it (state/preferences.ts): the theme, and the
// typeface and size of the reader's and the editor's text (CSS variables read by
// appearance.css), and the style every date is written in (ui/format.ts). Applied before the first render from the saved copy, then on every change.
import type { FontFamily, Preferences } from '../../../common/preferences';
import { getPreferences, subscribePreferences } from '../state/preferences';
import { applyTheme } from './theme';
import { setDateStyle } from '../ui/format';
import './appearance.css';

/** The font stacks of base.css: families the system has, nothing downloaded. */
const FONT_STACKS: Record<FontFamily, string> = { serif: 'var(--font-reading)', sans: 'var(--font-ui)', mono: 'var(--font-mono)' };

let applied: Preferences | null = null;

function apply(preferences: Preferences): void {
  if (applied && applied.theme === preferences.theme && applied.reader === preferences.reader && applied.editor === preferences.editor && applied.dates === preferences.dates) return;
  setDateStyle(preferences.dates);
  if (applied?.theme !== preferences.theme) applyTheme(preferences.theme);
  const style = document.documentElement.style;
  style.setProperty('--reader-font', FONT_STACKS[preferences.reader.font]);
  style.setProperty('--reader-size', `${preferences.reader.size}px`);
  style.setProperty('--editor-font', FONT_STACKS[preferences.editor.font]);
  style.setProperty('--editor-size', `${preferences.editor.size}px`);
  applied = preferences;
}

/** Applies the preferences now and whenever they change; returns the cleanup. */
export function followAppearance(): () => void {
  apply(getPreferences());
  return subscribePreferences(() => apply(getPreferences()));
}
