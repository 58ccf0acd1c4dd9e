// The brief's right-hand panel: which one is open (one at a time: Outline, Excerpts, Check
// brief, History, Backlinks) and how wide it is, remembered across briefs and sessions. A store, since
// the toolbar (Outline, Excerpts, Check brief) and the brief's header (History) both open it.
import { createStore, useStore } from '../state/store';

export type BriefPanel = 'outline' | 'excerpts' | 'check' | 'history' | 'backlinks';

const PANEL_KEY = 'sourcebook.briefPanel';
const WIDTH_KEY = 'sourcebook.briefPanel.width';
const OUTLINE_KEY = 'sourcebook.briefOutline';
/** Narrower, the excerpts' filters no longer fit; wider, the text beside it gets too little. */
export const PANEL_MIN = 240;
export const PANEL_MAX = 560;
export const PANEL_DEFAULT = 340;

function loadPanel(): BriefPanel | null {
  const saved = localStorage.getItem(PANEL_KEY);
  if (saved === 'outline' || saved === 'excerpts' || saved === 'check' || saved === 'history' || saved === 'backlinks') return saved;
  // The outline was once its own column: someone who kept it open finds it open.
  return localStorage.getItem(OUTLINE_KEY) === 'on' ? 'outline' : null;
}

function loadWidth(): number {
  const saved = Number(localStorage.getItem(WIDTH_KEY));
  return saved > 0 ? Math.min(PANEL_MAX, Math.max(PANEL_MIN, Math.round(saved))) : PANEL_DEFAULT;
}

const panel = createStore<BriefPanel | null>(null);
const width = createStore(PANEL_DEFAULT);
let loaded = false;
/** Read from localStorage on first use, not at import (tests and the page set it first). */
function ensureLoaded() {
  if (loaded) return;
  loaded = true;
  panel.set(loadPanel());
  width.set(loadWidth());
}

export function setBriefPanel(next: BriefPanel | null): void {
  ensureLoaded();
  panel.set(next);
  localStorage.setItem(PANEL_KEY, next ?? '');
  localStorage.removeItem(OUTLINE_KEY);
}
/** Opens the panel, or closes it when it is the one open (its toggle button). */
export const toggleBriefPanel = (which: BriefPanel) => setBriefPanel(panel.get() === which ? null : which);

export function setBriefPanelWidth(next: number): void {
  ensureLoaded();
  const clamped = Math.min(PANEL_MAX, Math.max(PANEL_MIN, Math.round(next)));
  width.set(clamped);
  localStorage.setItem(WIDTH_KEY, String(clamped));
}

export function useBriefPanel(): { panel: BriefPanel | null; width: number } {
  ensureLoaded();
  return { panel: useStore(panel), width: useStore(width) };
}
