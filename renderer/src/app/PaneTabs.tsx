// The tabs of a pane (app/openTabs.ts): the sources opened in the reader, or the briefs
// opened in the editor, shown once there are two. A tablist: one Tab stop, ← → Home End
// move and open, Delete closes the tab in focus (announced as its key); each tab's × closes it with the mouse.
// The full title is in the tooltip; the tab's text is cut to fit.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { closeTab, tabBeside, useOpenTabs, type OpenTab, type TabKind } from './openTabs';
import { useNavigation } from './navigation';
import { useCommand } from './commands';
import { notify } from '../state/toasts';

const LABELS: Record<TabKind, string> = { source: 'Open sources', brief: 'Open briefs' };

/**
 * The tab the keyboard or a click was on when it opened something: the pane is drawn again
 * (loading, then loaded), and the new row of tabs takes the focus back on it, so ← → go on.
 */
let refocus: { kind: TabKind; id: string; until: number } | null = null;

export function PaneTabs({ kind, activeId, onOpen, onCloseLast }: { kind: TabKind; activeId: string | null; onOpen(id: string): void; onCloseLast(): void }) {
  const tabs = useOpenTabs(kind);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!refocus || refocus.kind !== kind || performance.now() > refocus.until) return;
    listRef.current?.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(refocus.id)}"]`)?.focus();
  });
  if (tabs.length < 2) return null;

  const openFromTabs = (id: string) => {
    refocus = { kind, id, until: performance.now() + 2000 };
    onOpen(id);
  };

  const close = (tab: OpenTab) => {
    const instead = closeTab(kind, tab.id);
    if (tab.id !== activeId) return;
    if (instead) openFromTabs(instead.id);
    else onCloseLast();
  };
  const focusTab = (id: string) => window.requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(id)}"]`)?.focus());

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      const tab = tabs[(to + tabs.length) % tabs.length];
      openFromTabs(tab.id);
      focusTab(tab.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      const tab = tabs[index];
      const next = tabs[index + 1] ?? tabs[index - 1];
      close(tab);
      if (next) focusTab(next.id);
    }
  };

  return (
    <div className="pane-tabs" role="tablist" aria-label={LABELS[kind]} ref={listRef}>
      {tabs.map((tab, i) => {
        const active = tab.id === activeId;
        return (
          <div key={tab.id} className={`pane-tab${active ? ' is-active' : ''}`} role="presentation">
            <button
              type="button"
              role="tab"
              className="pane-tab-open"
              data-tab-id={tab.id}
              aria-selected={active}
              tabIndex={active || (!activeId && i === 0) ? 0 : -1}
              title={tab.title}
              aria-keyshortcuts="Delete"
              onClick={() => openFromTabs(tab.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {tab.title}
            </button>
            {/* For the mouse only: a button here would sit in the tablist beside the tabs; the keyboard has Delete on the tab. */}
            <span className="pane-tab-close" aria-hidden="true" title={`Close ${tab.title} (Delete)`} onClick={() => close(tab)}>
              ×
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** The tab commands (Ctrl/Cmd+PageDown/PageUp, Close Tab), for the pane holding the focus (the reader's otherwise). */
export function TabCommands() {
  const nav = useNavigation();
  const paneInFocus = (): TabKind => (document.activeElement?.closest('.brief-pane') ? 'brief' : 'source');
  const go = (step: 1 | -1) => {
    const kind = paneInFocus();
    const tab = tabBeside(kind, kind === 'brief' ? nav.briefId : nav.sourceId, step);
    if (!tab) return notify(`No other ${kind === 'brief' ? 'brief' : 'source'} is open in a tab.`);
    if (kind === 'brief') nav.openBrief(tab.id);
    else nav.openSource(tab.id);
  };
  useCommand('view.nextTab', () => go(1));
  useCommand('view.previousTab', () => go(-1));
  useCommand('view.closeTab', () => {
    const kind = paneInFocus();
    const id = kind === 'brief' ? nav.briefId : nav.sourceId;
    if (!id) return;
    const instead = closeTab(kind, id);
    if (kind === 'brief') nav.openBrief(instead?.id ?? null);
    else if (instead) nav.openSource(instead.id);
    else nav.closeSource();
  });
  return null;
}
