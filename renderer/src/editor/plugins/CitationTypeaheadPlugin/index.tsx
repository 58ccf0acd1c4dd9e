// The citation picker: typing `[[` (or the toolbar's Cite button) opens a typeahead that
// searches excerpts as you type; choosing one replaces `[[query` with a citation.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand, type TextNode } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api';
import { prime } from '../../../state/excerptStore';
import { notifyError } from '../../../state/toasts';
import type { ExcerptView } from '../../../types';
import { GradeBadge } from '../../../ui/Grade';
import { AnchorBadge, PageBadge } from '../../../reader/ExcerptMargin';
import { $createCitationNode } from '../../nodes/CitationNode';
import { $replaceQueryWith } from '../insertInline';
import { TypeaheadMenu } from '../TypeaheadMenu';
import { matchCitationTrigger } from './citationTrigger';

/** Opens the picker at the caret (the toolbar's Cite button). */
export const OPEN_CITATION_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_CITATION_PICKER_COMMAND');

const SEARCH_DELAY = 120;
const RESULTS = 8;

class CitationOption extends MenuOption {
  excerpt: ExcerptView;
  constructor(excerpt: ExcerptView) {
    super(excerpt.id);
    this.excerpt = excerpt;
  }
}

const triggerFn = (text: string): MenuTextMatch | null => matchCitationTrigger(text);

export function CitationTypeaheadPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<CitationOption[]>([]);
  /** The query `options` are the results of. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    if (query === null) return;
    const ticket = ++asked.current;
    setSearching(true);
    const timer = window.setTimeout(() => {
      api['excerpts:search']({ query: query.trim(), limit: RESULTS }).then(
        (found) => {
          if (ticket !== asked.current) return;
          prime(found);
          setOptions(found.map((e) => new CitationOption(e)));
          setAnswered(query);
          setSearching(false);
        },
        (error: unknown) => {
          if (ticket !== asked.current) return;
          setSearching(false);
          // An Enter held for these results is let go: there are none.
          setOptions([]);
          setAnswered(query);
          notifyError(error, 'Excerpt search failed');
        },
      );
    }, SEARCH_DELAY);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_CITATION_PICKER_COMMAND,
        () => {
          editor.focus();
          editor.update(() => {
            let selection = $getSelection();
            if (!$isRangeSelection(selection)) {
              $getRoot().selectEnd();
              selection = $getSelection();
            }
            if (!$isRangeSelection(selection)) return;
            if (!selection.isCollapsed()) {
              const end = selection.isBackward() ? selection.anchor : selection.focus;
              selection.anchor.set(end.key, end.offset, end.type);
            }
            selection.insertText('[[');
          });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  const onSelectOption = useCallback(
    (option: CitationOption, textNodeContainingQuery: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        $replaceQueryWith($createCitationNode(option.excerpt.id, option.excerpt.quote, option.excerpt.sourceTitle), textNodeContainingQuery);
        closeMenu();
      });
    },
    [editor],
  );

  return (
    <TypeaheadMenu<CitationOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      onClose={() => {
        setQuery(null);
        setOptions([]);
        setAnswered(null);
      }}
      triggerFn={triggerFn}
      options={options}
      optionsQuery={answered}
      className="citation-menu"
      optionClassName="citation-option"
      header={(matchingString) => (
        <div className="citation-menu-header">
          {matchingString ? (
            <>
              Cite an excerpt matching <strong>“{matchingString}”</strong>
            </>
          ) : (
            'Cite an excerpt — type words of the quote, a tag or a source'
          )}
        </div>
      )}
      empty={() => (searching ? 'Searching…' : 'No excerpt matches. Save passages in the reader first.')}
      footer={
        <div className="citation-menu-footer" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> cite · <kbd>Esc</kbd> close
        </div>
      }
      renderOption={({ excerpt }) => (
        <>
          <span className="citation-option-quote" dir="auto">“{excerpt.quote}”</span>
          <span className="citation-option-meta">
            <span className="citation-option-source">{excerpt.sourceTitle}</span>
            <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />
            <PageBadge page={excerpt.page} />
            <AnchorBadge state={excerpt.state} />
            {excerpt.tags.slice(0, 4).map((tag) => (
              <span className="chip chip-tag" key={tag}>
                {tag}
              </span>
            ))}
          </span>
        </>
      )}
    />
  );
}
