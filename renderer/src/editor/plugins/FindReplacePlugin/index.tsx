// Find and replace (Ctrl+F, Ctrl+H): a bar under the toolbar with the match count,
// next/previous, replace and replace all. Matches are found in runs of plain text nodes
// (findMatches.ts) and drawn with the CSS Custom Highlight API, so finding never touches
// the document; replacing edits text nodes inside one editor.update — citations and
// mentions are never part of a run, so never changed.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $getNodeByKey,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type Dispatch, type KeyboardEvent as ReactKeyboardEvent, type ReactNode, type SetStateAction } from 'react';
import { findMatches, nearestMatch, spanOf, type FindOptions, type Match, type TextRun } from './findMatches';

/** Opens the bar; `replace` shows the replace row too (Ctrl+H). */
export const OPEN_FIND_COMMAND: LexicalCommand<{ replace: boolean }> = createCommand('OPEN_FIND_COMMAND');

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const MATCH_HIGHLIGHT = 'find-match';
const CURRENT_HIGHLIGHT = 'find-current';

/** Runs of adjacent text nodes, document order; any other node ends a run. */
function $textRuns(): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (element: LexicalNode) => {
    if (!$isElementNode(element)) return;
    let run: TextRun | null = null;
    for (const child of element.getChildren()) {
      if ($isTextNode(child) && child.isSimpleText()) {
        const text = child.getTextContent();
        if (!run) runs.push((run = { text: '', pieces: [] }));
        run.pieces.push({ key: child.getKey(), start: run.text.length, length: text.length });
        run.text += text;
      } else {
        run = null;
        visit(child);
      }
    }
  };
  visit($getRoot());
  return runs;
}

/** Where the caret is, as a run and an offset (to start from the nearest match). */
function $caretInRuns(runs: TextRun[]): { run: number; offset: number } {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.anchor.type !== 'text') return { run: 0, offset: 0 };
  const key = selection.anchor.key;
  for (let r = 0; r < runs.length; r++) {
    const piece = runs[r].pieces.find((p) => p.key === key);
    if (piece) return { run: r, offset: piece.start + selection.anchor.offset };
  }
  return { run: 0, offset: 0 };
}

/** Replaces [start, end) of a run with `replacement`, over as many text nodes as it spans. */
function $replaceInRun(run: TextRun, start: number, end: number, replacement: string): void {
  const span = spanOf(run.pieces, start, end);
  if (!span) return;
  const node = (i: number) => $getNodeByKey<TextNode>(run.pieces[i].key);
  const first = node(span.first);
  if (!first) return;
  if (span.first === span.last) {
    first.spliceText(span.firstOffset, span.lastOffset - span.firstOffset, replacement);
    return;
  }
  first.spliceText(span.firstOffset, run.pieces[span.first].length - span.firstOffset, replacement);
  for (let i = span.first + 1; i < span.last; i++) node(i)?.remove();
  node(span.last)?.spliceText(0, span.lastOffset, '');
}

function domRange(editor: LexicalEditor, run: TextRun, match: Match): Range | null {
  const span = spanOf(run.pieces, match.start, match.end);
  if (!span) return null;
  const textOf = (i: number): Text | null => {
    const element = editor.getElementByKey(run.pieces[i].key);
    if (!element) return null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    return walker.nextNode() as Text | null;
  };
  const a = textOf(span.first);
  const b = textOf(span.last);
  if (!a || !b) return null;
  try {
    const range = document.createRange();
    range.setStart(a, Math.min(span.firstOffset, a.length));
    range.setEnd(b, Math.min(span.lastOffset, b.length));
    return range;
  } catch {
    return null;
  }
}

function setHighlights(ranges: Range[], current: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length) CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...ranges));
  else CSS.highlights.delete(MATCH_HIGHLIGHT);
  if (current) CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(current));
  else CSS.highlights.delete(CURRENT_HIGHLIGHT);
}

interface OptionToggleProps {
  option: keyof FindOptions;
  label: string;
  options: FindOptions;
  setOptions: Dispatch<SetStateAction<FindOptions>>;
  children: ReactNode;
}

/** A find option's on/off button (match case, whole words). */
function OptionToggle({ option, label, options, setOptions, children }: OptionToggleProps) {
  const on = options[option];
  return (
    <button type="button" className={`tool find-option${on ? ' is-active' : ''}`} aria-pressed={on} aria-label={label} title={label} onClick={() => setOptions((o) => ({ ...o, [option]: !o[option] }))}>
      {children}
    </button>
  );
}

export function FindReplacePlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [showReplace, setShowReplace] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ caseSensitive: false, wholeWord: false });
  const [result, setResult] = useState<{ runs: TextRun[]; matches: Match[] }>({ runs: [], matches: [] });
  const [current, setCurrent] = useState(0);
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  /** Set when the next search should start at the caret (opening, a new query). */
  const fromCaret = useRef(true);

  const search = useCallback(() => {
    const { runs, caret } = editor.getEditorState().read(() => {
      const r = $textRuns();
      return { runs: r, caret: $caretInRuns(r) };
    });
    const matches = findMatches(runs, query, options);
    setResult({ runs, matches });
    setCurrent((c) => {
      if (fromCaret.current) {
        fromCaret.current = false;
        return nearestMatch(matches, caret.run, caret.offset);
      }
      return matches.length ? Math.min(c, matches.length - 1) : 0;
    });
  }, [editor, query, options]);

  useEffect(() => {
    if (!open) return;
    search();
    let timer: number | undefined;
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 150);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [open, search, editor]);

  // Draw the matches; bring the current one into view.
  useEffect(() => {
    if (!open) {
      setHighlights([], null);
      return;
    }
    const ranges: Range[] = [];
    let currentRange: Range | null = null;
    result.matches.forEach((m, i) => {
      const range = domRange(editor, result.runs[m.run], m);
      if (!range) return;
      ranges.push(range);
      if (i === current) currentRange = range;
    });
    setHighlights(ranges, currentRange);
    const target = currentRange as Range | null;
    if (target) {
      const element = target.startContainer.parentElement;
      const rect = target.getBoundingClientRect();
      const scroller = element?.closest('.editor-scroll');
      if (scroller) {
        const box = scroller.getBoundingClientRect();
        if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) scroller.scrollTop += rect.top - box.top - box.height / 3;
      }
    }
  }, [open, result, current, editor]);

  useEffect(() => () => setHighlights([], null), []);

  const openBar = useCallback(
    (replace: boolean) => {
      const selected = editor.getEditorState().read(() => {
        const selection = $getSelection();
        return $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
      });
      if (selected && !selected.includes('\n') && selected.length <= 200) setQuery(selected);
      fromCaret.current = true;
      setOpen(true);
      if (replace) setShowReplace(true);
      window.setTimeout(() => {
        const input = replace && selected ? replaceInput.current : findInput.current;
        input?.focus();
        input?.select();
      }, 0);
    },
    [editor],
  );

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_FIND_COMMAND,
          ({ replace }) => {
            openBar(replace);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const mod = isMac ? event.metaKey : event.ctrlKey;
            if (!mod || event.altKey || event.shiftKey) return false;
            if (event.code !== 'KeyF' && event.code !== 'KeyH') return false;
            event.preventDefault();
            openBar(event.code === 'KeyH');
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, openBar],
  );

  const close = () => {
    setOpen(false);
    editor.focus();
  };

  const step = (delta: number) => {
    if (result.matches.length === 0) return;
    setCurrent((c) => (c + delta + result.matches.length) % result.matches.length);
  };

  const replaceOne = () => {
    if (result.matches.length === 0) return;
    editor.update(() => {
      const runs = $textRuns();
      const matches = findMatches(runs, query, options);
      const m = matches[Math.min(current, matches.length - 1)];
      if (m) $replaceInRun(runs[m.run], m.start, m.end, replacement);
    });
  };

  const replaceAll = () => {
    editor.update(() => {
      const runs = $textRuns();
      const matches = findMatches(runs, query, options, Infinity);
      // Last to first, so the offsets of the matches still to do stay right.
      for (let i = matches.length - 1; i >= 0; i--) $replaceInRun(runs[matches[i].run], matches[i].start, matches[i].end, replacement);
    });
  };

  if (!open) return null;

  const count = result.matches.length;
  const onFindKey = (event: ReactKeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if ((isMac ? event.metaKey : event.ctrlKey) && (event.code === 'KeyF' || event.code === 'KeyH')) {
      event.preventDefault();
      if (event.code === 'KeyH') setShowReplace(true);
      (event.code === 'KeyH' ? replaceInput : findInput).current?.select();
    }
  };

  return (
    <div className="find-bar" role="search" aria-label="Find in brief">
      <div className="find-row">
        <button
          type="button"
          className="tool find-toggle"
          aria-label={showReplace ? 'Hide replace' : 'Show replace'}
          aria-expanded={showReplace}
          onClick={() => setShowReplace((v) => !v)}
        >
          {showReplace ? '▾' : '▸'}
        </button>
        <input
          ref={findInput}
          className="find-input"
          type="search"
          aria-label="Find"
          placeholder="Find"
          value={query}
          onChange={(e) => {
            fromCaret.current = true;
            setQuery(e.target.value);
          }}
          onKeyDown={onFindKey}
        />
        <span className="find-count" role="status" aria-live="polite">
          {query ? (count ? `${Math.min(current + 1, count)} of ${count}` : 'No matches') : ''}
        </span>
        <OptionToggle option="caseSensitive" label="Match case" options={options} setOptions={setOptions}>
          Aa
        </OptionToggle>
        <OptionToggle option="wholeWord" label="Whole words" options={options} setOptions={setOptions}>
          <u>ab</u>
        </OptionToggle>
        <button type="button" className="tool" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={!count} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" className="tool" aria-label="Next match" title="Next match (Enter)" disabled={!count} onClick={() => step(1)}>
          ↓
        </button>
        <button type="button" className="tool" aria-label="Close find" title="Close (Esc)" onClick={close}>
          ×
        </button>
      </div>
      {showReplace && (
        <div className="find-row">
          <span className="find-toggle-space" />
          <input
            ref={replaceInput}
            className="find-input"
            type="text"
            aria-label="Replace with"
            placeholder="Replace with"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                replaceOne();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                close();
              }
            }}
          />
          <button type="button" className="button" disabled={!count} onClick={replaceOne}>
            Replace
          </button>
          <button type="button" className="button" disabled={!count} onClick={replaceAll}>
            Replace all
          </button>
        </div>
      )}
    </div>
  );
}
