// The editor's typeaheads (`[[` citations, `@` mentions, `/` blocks): Lexical's typeahead
// plugin, drawing one popover list for all three. The ids are Lexical's: it points the
// editor's aria-activedescendant at `typeahead-item-N` and keeps the chosen option in
// view inside `#typeahead-menu`; the CSS and the end-to-end tests go by the classes each
// typeahead names.
//
// Enter (or Tab) must choose from the options for what was typed, not for what was typed
// a moment before. Lexical's menu learns of a new query through React state (opened in a
// transition) and the options follow later still (a search answers after a pause), so a
// quick typist's Enter would cite the previous query's top excerpt and leave the last
// letters behind. Here an Enter that comes before the menu and its options have caught up
// with the query is held, and carried out, on the top option, once they have.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, type MenuOption, type TypeaheadMenuPluginProps } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, KEY_TAB_COMMAND } from 'lexical';
import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface TypeaheadMenuProps<O extends MenuOption> extends Omit<TypeaheadMenuPluginProps<O>, 'menuRenderFn' | 'anchorClassName'> {
  /** The menu's class (beside `popover`), e.g. `citation-menu`. */
  className: string;
  /** Each option's class; the highlighted one also has `is-selected`. */
  optionClassName: string;
  renderOption(option: O): ReactNode;
  /** Above the options, given the query: what follows the trigger, also the menu's `data-query`. */
  header?(query: string): ReactNode;
  /** Shown in place of the list when there are no options; without it the menu is not shown at all. */
  empty?(query: string): ReactNode;
  footer?: ReactNode;
  /** The menu's accessible name, where its options do not make it plain. */
  label?: string;
  /** The query `options` answer (null: none yet, e.g. still loading or searching). */
  optionsQuery: string | null;
}

/** What the menu showed at its last render: a held Enter is carried out on it. */
interface Shown<O extends MenuOption> {
  query: string;
  options: O[];
  choose(option: O): void;
}

export function TypeaheadMenu<O extends MenuOption>({ className, optionClassName, renderOption, header, empty, footer, label, optionsQuery, onQueryChange, ...typeahead }: TypeaheadMenuProps<O>) {
  const [editor] = useLexicalComposerContext();
  /** The query as typed: told synchronously on every editor update, unlike the menu's own state. */
  const typed = useRef<string | null>(null);
  const answered = useRef(optionsQuery);
  answered.current = optionsQuery;
  const shown = useRef<Shown<O> | null>(null);
  /** The query an Enter was held for. */
  const held = useRef<string | null>(null);

  const behind = () => typed.current !== null && (shown.current?.query !== typed.current || answered.current !== typed.current);
  const settle = () => {
    const query = held.current;
    if (query === null) return;
    if (typed.current !== query) {
      held.current = null; // typed on (or closed): the Enter was for a query that is gone
      return;
    }
    if (behind()) return;
    held.current = null;
    const menu = shown.current;
    if (menu && menu.options.length > 0) menu.choose(menu.options[0]);
  };
  const settleRef = useRef(settle);
  settleRef.current = settle;

  useEffect(() => {
    const hold = (event: KeyboardEvent | null) => {
      if (!behind() || event?.shiftKey) return false;
      event?.preventDefault();
      event?.stopImmediatePropagation();
      held.current = typed.current;
      return true;
    };
    return mergeRegister(editor.registerCommand(KEY_ENTER_COMMAND, hold, COMMAND_PRIORITY_HIGH), editor.registerCommand(KEY_TAB_COMMAND, hold, COMMAND_PRIORITY_HIGH));
    // (behind() reads refs only.)
  }, [editor]);

  // New options for a held query: the menu rendered them just now (children render first).
  useEffect(() => settleRef.current(), [optionsQuery, typeahead.options]);

  return (
    <LexicalTypeaheadMenuPlugin<O>
      {...typeahead}
      onQueryChange={(query) => {
        typed.current = query;
        onQueryChange(query);
      }}
      // The anchor and empty-state classes carry the citation picker's names; the CSS styles all three with them.
      anchorClassName="citation-menu-anchor"
      menuRenderFn={(anchor, { options, selectedIndex, setHighlightedIndex, selectOptionAndCleanUp }, query) => {
        shown.current = { query, options, choose: selectOptionAndCleanUp };
        // The menu caught up with the query in a render of its own: settle after it.
        if (held.current !== null) window.setTimeout(() => settleRef.current(), 0);
        if (!anchor.current || (options.length === 0 && !empty)) return null;
        return createPortal(
          <div className={`popover ${className}`} id="typeahead-menu" aria-label={label} data-query={query}>
            {header?.(query)}
            {options.length === 0 ? (
              <div className="citation-menu-empty">{empty?.(query)}</div>
            ) : (
              <ul role="presentation">
                {options.map((option, index) => (
                  <li
                    key={option.key}
                    id={`typeahead-item-${index}`}
                    ref={option.setRefElement}
                    role="option"
                    aria-selected={selectedIndex === index}
                    tabIndex={-1}
                    className={`${optionClassName}${selectedIndex === index ? ' is-selected' : ''}`}
                    onMouseEnter={() => setHighlightedIndex(index)}
                    // Keeps the editor's focus, and so its selection and the query, through the click.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      setHighlightedIndex(index);
                      selectOptionAndCleanUp(option);
                    }}
                  >
                    {renderOption(option)}
                  </li>
                ))}
              </ul>
            )}
            {footer}
          </div>,
          anchor.current,
        );
      }}
    />
  );
}
