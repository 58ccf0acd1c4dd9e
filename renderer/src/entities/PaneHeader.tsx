// The header of every view in the right-hand pane: Back (to the view before), the title,
// the view's actions, and × (back to the brief).
import type { ReactNode } from 'react';
import { backSideView, canGoBack, closeSideView, openSideView, type SideView } from './sideView';

export function PaneHeader({ title, icon, actions, children }: { title: ReactNode; icon?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="side-header">
      <div className="side-header-row">
        {canGoBack() && (
          <button type="button" className="icon-button side-back" aria-label="Back" title="Back" onClick={backSideView}>
            ←
          </button>
        )}
        <h2 className="side-title">
          {icon}
          <span className="side-title-text">{title}</span>
        </h2>
        <div className="side-actions">
          {actions}
          <button type="button" className="icon-button" aria-label="Close and show the brief" title="Close (show the brief)" onClick={closeSideView}>
            ×
          </button>
        </div>
      </div>
      {children}
    </header>
  );
}

const TABS: { kind: SideView['kind']; label: string }[] = [
  { kind: 'matrix', label: 'Matrix' },
  { kind: 'graph', label: 'Link chart' },
  { kind: 'timeline', label: 'Timeline' },
];

/** Switches between the three analysis views. */
export function AnalysisTabs({ current }: { current: SideView['kind'] }) {
  return (
    <nav className="side-tabs" aria-label="Analysis views">
      {TABS.map((t) => (
        <button key={t.kind} type="button" className="side-tab" aria-current={current === t.kind ? 'page' : undefined} onClick={() => openSideView({ kind: t.kind } as SideView)}>
          {t.label}
        </button>
      ))}
    </nav>
  );
}
