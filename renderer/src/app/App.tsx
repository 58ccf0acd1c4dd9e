// The window: top bar (search, import), sidebar (library, briefs), and the reader and
// the brief side by side with a movable split.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { BriefPane } from '../briefs/BriefPane';
import { DropOverlay } from '../import/DropOverlay';
import { ACCEPTED_EXTENSIONS, filesOfPickedFolder } from '../import/files';
import { ImportSummary } from '../import/ImportSummary';
import { useImport } from '../import/useImport';
import { PublishersDialog } from '../grading/PublishersDialog';
import { closePublishers, getFocusMode, setFocusMode, useFocusMode, usePublishersPanel } from '../state/panels';
import { Reader } from '../reader/Reader';
import { SearchBox, type SearchBoxHandle } from '../search/SearchBox';
import { closeSideView, useSideView } from '../entities/sideView';
import { requestNewBrief } from '../briefs/NewBriefForm';
import { listenForUndoDelete } from '../state/trash';
import { SidePane } from '../entities/SidePane';
import { NavigationContext, useNavigation, type Navigation, type PassageReveal, type Reveal } from './navigation';
import { ReplaceSummary } from '../reader/ReplaceSummary';
import { notifyError } from '../state/toasts';
import type { ReplaceReport } from '../types';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';
import { isMac, listenForCommands, runCommand, useCommand, useShortcutLabels } from './commands';
import { commandById, shortcutLabel } from '../../../common/commands';
import { SidebarIcon } from '../ui/icons';
import { clampWidth, loadWidth, ResizeEdge } from '../ui/ResizeEdge';
import { useElementWidth } from '../ui/useElementWidth';
import { useBriefPanel } from '../editor/panelState';
import { ShortcutsSheet } from './ShortcutsSheet';
import { CommandPalette } from './CommandPalette';
import { QuickOpen } from './QuickOpen';
import { useViewCommands } from './viewCommands';
import { SettingsHost } from '../settings/SettingsHost';
import { TabCommands } from './PaneTabs';
import { followPreferences, usePreferences } from '../state/preferences';
import { goBack, goForward, usePlaceHistory } from './placeHistory';
import { MergeWorkspace } from '../workspace/MergeWorkspace';
import { SyncWarning } from '../workspace/SyncWarning';
import { StaleWorkspace } from '../workspace/StaleWorkspace';
import { useWorkspaceTitle } from '../workspace/workspaceTitle';

interface View {
  sourceId: string | null;
  briefId: string | null;
  reveal: Reveal | null;
}

const VIEW_KEY = 'sourcebook.view';
const SPLIT_KEY = 'sourcebook.split';
const SIDE_SPLIT_KEY = 'sourcebook.split.side';
const LIBRARY_SPLIT_KEY = 'sourcebook.split.library';
const SIDEBAR_KEY = 'sourcebook.sidebar';
const SIDEBAR_WIDTH_KEY = 'sourcebook.sidebar.width';
// The sidebar's widths: narrower, its section headers and their buttons no longer fit.
const SIDEBAR_MIN = 180;
const SIDEBAR_MAX = 480;
const SIDEBAR_DEFAULT = 248;

/** Narrower, the reader's text and margin no longer sit side by side. */
const READER_MIN = 440;
/** The brief's text beside a panel: at least this wide (editor-tools.css puts the panel under below 600 px). */
const BRIEF_TEXT_MIN = 360;

/** The reader's share (percent) that leaves the brief room for its panel beside the text, keeping the reader ≥ READER_MIN. */
function roomForBriefPanel(split: number, panesWidth: number, panelWidth: number): number {
  if (panesWidth <= 0) return split;
  const briefNeeds = Math.max(610, panelWidth + BRIEF_TEXT_MIN);
  const readerAtMost = Math.max(READER_MIN, panesWidth - briefNeeds);
  return Math.min(split, Math.max(25, Math.floor((readerAtMost / panesWidth) * 100)));
}

function loadView(): View {
  try {
    const saved = JSON.parse(localStorage.getItem(VIEW_KEY) ?? '{}') as Partial<View>;
    return { sourceId: saved.sourceId ?? null, briefId: saved.briefId ?? null, reveal: null };
  } catch {
    return { sourceId: null, briefId: null, reveal: null };
  }
}

let revealCounter = 0;

export function App() {
  // Everything drawn again when a preference changes (dates in another language, a key rebound).
  usePreferences();
  const [view, setView] = useState<View>(loadView);
  useEffect(() => {
    localStorage.setItem(VIEW_KEY, JSON.stringify({ sourceId: view.sourceId, briefId: view.briefId }));
  }, [view.sourceId, view.briefId]);

  // Back and forward between places: the window's history follows the source and brief shown.
  usePlaceHistory({ sourceId: view.sourceId, briefId: view.briefId }, (place) => {
    setPassage(null);
    setView((v) => ({ ...v, sourceId: place.sourceId, briefId: place.briefId, reveal: null }));
  });

  const [passage, setPassage] = useState<PassageReveal | null>(null);
  const nav = useMemo<Navigation>(
    () => ({
      ...view,
      passage,
      openPassage: (id, start, end) => {
        setPassage({ sourceId: id, start, end, nonce: ++revealCounter });
        setView((v) => ({ ...v, sourceId: id, reveal: null }));
      },
      openSource: (id, revealExcerptId) => {
        setPassage(null);
        setView((v) => ({ ...v, sourceId: id, reveal: revealExcerptId ? { excerptId: revealExcerptId, nonce: ++revealCounter } : null }));
      },
      closeSource: () => setView((v) => ({ ...v, sourceId: null, reveal: null })),
      openBrief: (id) => {
        closeSideView();
        setView((v) => ({ ...v, briefId: id }));
      },
    }),
    [view, passage],
  );

  return (
    <NavigationContext.Provider value={nav}>
      <Shell />
    </NavigationContext.Provider>
  );
}

function Shell() {
  const importer = useImport();
  const nav = useNavigation();
  /** An imported file kept as a new version: how the source's excerpts fared. */
  const [replaced, setReplaced] = useState<ReplaceReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const publishers = usePublishersPanel();
  const side = useSideView();
  const search = useRef<SearchBoxHandle>(null);
  const [briefSplit, setBriefSplit] = useState(() => Number(localStorage.getItem(SPLIT_KEY)) || 56);
  // Entities and analysis views want more room than the brief: their own split.
  const [sideSplit, setSideSplit] = useState(() => Number(localStorage.getItem(SIDE_SPLIT_KEY)) || 45);
  // The library table wants the most room of all: the reader beside it is a preview.
  const [librarySplit, setLibrarySplit] = useState(() => Number(localStorage.getItem(LIBRARY_SPLIT_KEY)) || 30);
  const splitKind = !side ? 'brief' : side.kind === 'library' ? 'library' : 'side';
  const mainRef = useRef<HTMLDivElement>(null);
  const mainWidth = useElementWidth(mainRef);

  const [sidebarHidden, setSidebarHidden] = useState(() => localStorage.getItem(SIDEBAR_KEY) === 'hidden');
  const [sidebarWidth, setSidebarWidth] = useState(() => loadWidth(SIDEBAR_WIDTH_KEY, SIDEBAR_DEFAULT, SIDEBAR_MIN, SIDEBAR_MAX));
  const showSidebar = (show: boolean) => {
    localStorage.setItem(SIDEBAR_KEY, show ? 'shown' : 'hidden');
    setSidebarHidden(!show);
  };
  const resizeSidebar = (width: number) => {
    const next = clampWidth(width, SIDEBAR_MIN, SIDEBAR_MAX);
    setSidebarWidth(next);
    localStorage.setItem(SIDEBAR_WIDTH_KEY, String(next));
    if (sidebarHidden) showSidebar(true);
  };
  const focusMode = useFocusMode();
  const focusKeys = useShortcutLabels('view.focusMode');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [quickOpen, setQuickOpen] = useState(false);
  useEffect(() => listenForCommands(), []);
  useEffect(() => followPreferences((error) => notifyError(error, 'Your settings could not be read')), []);
  useEffect(() => listenForUndoDelete(isMac), []);
  useWorkspaceTitle();

  const chooseFiles = useCallback(() => fileInput.current?.click(), []);
  const chooseFolder = useCallback(() => folderInput.current?.click(), []);
  useCommand('import.files', chooseFiles);
  useCommand('import.folder', chooseFolder);
  useCommand('view.search', () => search.current?.focus());
  useCommand('edit.find', () => search.current?.focus());
  useCommand('view.toggleSidebar', () => {
    // In focus mode the sidebar is away: asking for it leaves focus mode rather than do nothing visible.
    if (getFocusMode()) {
      setFocusMode(false);
      showSidebar(true);
    } else showSidebar(sidebarHidden);
  });
  useCommand('help.shortcuts', () => setShortcutsOpen(true));
  useCommand('brief.new', () => {
    setFocusMode(false);
    if (sidebarHidden) showSidebar(true);
    requestNewBrief();
  });
  useCommand('view.focusMode', () => {
    if (!getFocusMode()) closeSideView();
    setFocusMode(!getFocusMode());
  });
  // Escape leaves focus mode once nothing else has taken it (a menu, a dialog, the find bar).
  useEffect(() => {
    if (!focusMode) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('[role="dialog"], dialog[open]')) setFocusMode(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusMode]);
  useCommand('view.commandPalette', () => setPaletteOpen(true));
  useCommand('view.quickOpen', () => setQuickOpen(true));
  useCommand('nav.back', goBack);
  useCommand('nav.forward', goForward);
  useViewCommands();
  // A folder picker: not a React prop (non-standard), so set on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // A brief panel open (outline, excerpts, check, history) wants room beside the text: the
  // reader gives it, down to READER_MIN, without changing the split the analyst chose, which
  // comes back when the panel closes. Too little room even so: the panel goes under the text.
  const briefPanel = useBriefPanel();
  const chosenSplit = { brief: briefSplit, side: sideSplit, library: librarySplit }[splitKind];
  const split =
    splitKind === 'brief' && briefPanel.panel && nav.briefId && !focusMode && mainWidth > 0
      ? roomForBriefPanel(chosenSplit, mainWidth - (sidebarHidden ? 0 : sidebarWidth) - 12, briefPanel.width)
      : chosenSplit;

  const setSplitClamped = (value: number) => {
    const next = Math.min(75, Math.max(25, Math.round(value)));
    ({ brief: setBriefSplit, side: setSideSplit, library: setLibrarySplit })[splitKind](next);
    localStorage.setItem({ brief: SPLIT_KEY, side: SIDE_SPLIT_KEY, library: LIBRARY_SPLIT_KEY }[splitKind], String(next));
  };

  const onSplitPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const main = mainRef.current;
    if (!main) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const panes = main.querySelector('.pane.reader')?.getBoundingClientRect();
    const brief = main.querySelector('.pane.side-pane, .pane.brief-pane')?.getBoundingClientRect();
    if (!panes || !brief) return;
    const left = panes.left;
    const width = brief.right - panes.left;
    const move = (e: PointerEvent) => setSplitClamped(((e.clientX - left) / width) * 100);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      document.body.classList.remove('is-resizing');
    };
    document.body.classList.add('is-resizing');
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onSplitKey = (event: ReactKeyboardEvent) => {
    if (event.key === 'ArrowLeft') setSplitClamped(split - 4);
    else if (event.key === 'ArrowRight') setSplitClamped(split + 4);
    else return;
    event.preventDefault();
  };

  // Focus mode: the brief alone (the reader stays mounted, hidden, so it keeps its place).
  const mainColumns = focusMode
    ? 'minmax(0, 1fr)'
    : `${sidebarHidden ? '' : `${sidebarWidth}px `}6px minmax(0, ${split}fr) 6px minmax(0, ${100 - split}fr)`;

  return (
    <div className={`app${focusMode ? ' is-focus-mode' : ''}`} style={{ ['--sidebar-width' as string]: `${sidebarWidth + 6}px` }}>
      <header className="topbar">
        <div className="brand">
          <h1 className="brand-title">
            <span className="brand-mark" aria-hidden="true">
              §
            </span>
            Sourcebook
          </h1>
          <button
            type="button"
            className="icon-button sidebar-toggle"
            aria-label="Sidebar"
            aria-pressed={!sidebarHidden && !focusMode}
            title={`${sidebarHidden ? 'Show' : 'Hide'} the sidebar (${shortcutLabel(commandById('view.toggleSidebar')!.shortcut!, isMac)})`}
            onClick={() => runCommand('view.toggleSidebar')}
          >
            <SidebarIcon />
          </button>
        </div>
        <SearchBox ref={search} />
        <div className="topbar-actions">
          {focusMode && (
            // Focus mode says it is on, and how to leave it, where the eye finds the window's own buttons.
            <button type="button" className="button" aria-pressed="true" title={`Leave focus mode (${['Escape', ...focusKeys].join(', ')})`} onClick={() => setFocusMode(false)}>
              Focus mode
            </button>
          )}
          <button type="button" className="button" onClick={chooseFolder} title="Import every supported file in a folder and its subfolders">
            Import folder
          </button>
          <button type="button" className="button button-primary" onClick={chooseFiles}>
            {importer.busy ? 'Importing…' : 'Import'}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={ACCEPTED_EXTENSIONS}
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Files to import"
            data-testid="import-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              importer.run(files.map((file) => ({ file, path: file.name })));
            }}
          />
          <input
            ref={folderInput}
            type="file"
            multiple
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Folder to import"
            data-testid="import-folder-input"
            onChange={(e) => {
              const picked = filesOfPickedFolder(Array.from(e.target.files ?? []));
              e.target.value = '';
              importer.run(picked.files, picked.ignored);
            }}
          />
        </div>
      </header>
      <StaleWorkspace>
        <SyncWarning />
      </StaleWorkspace>
      <div className="main" ref={mainRef} style={{ gridTemplateColumns: mainColumns }}>
        {!sidebarHidden && !focusMode && <Sidebar onImport={chooseFiles} onImportFolder={chooseFolder} />}
        {!focusMode && (
          <ResizeEdge
            label="Resize the sidebar"
            className="sidebar-edge"
            controls={sidebarHidden ? undefined : 'sidebar'}
            width={sidebarWidth}
            collapsed={sidebarHidden}
            min={SIDEBAR_MIN}
            max={SIDEBAR_MAX}
            side="left"
            onResize={resizeSidebar}
            onToggle={() => showSidebar(sidebarHidden)}
          />
        )}
        <div className="pane-slot" hidden={focusMode}>
          <Reader />
        </div>
        <div
          hidden={focusMode}
          className="splitter"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize reader and brief"
          aria-valuenow={split}
          aria-valuemin={25}
          aria-valuemax={75}
          tabIndex={0}
          onPointerDown={onSplitPointerDown}
          onKeyDown={onSplitKey}
        />
        {side && <SidePane view={side} />}
        <div className="pane-slot" hidden={!!side}>
          <BriefPane />
        </div>
      </div>
      {importer.progress && (
        <ImportSummary
          progress={importer.progress}
          onCancel={importer.cancel}
          onClose={importer.dismiss}
          onKeepAsVersion={async (item) => {
            try {
              const report = await importer.keepAsVersion(item);
              setReplaced(report);
              nav.openSource(report.sourceId);
            } catch (error) {
              notifyError(error, 'The file was not kept as a new version');
            }
          }}
        />
      )}
      {replaced && <ReplaceSummary report={replaced} onClose={() => setReplaced(null)} />}
      {publishers && <PublishersDialog highlight={publishers.highlight} onClose={closePublishers} />}
      {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} />}
      {quickOpen && <QuickOpen onClose={() => setQuickOpen(false)} />}
      <SettingsHost />
      <TabCommands />
      <DropOverlay onFiles={importer.run} />
      <MergeWorkspace />
      <Toasts />
    </div>
  );
}
