// The editor's typeaheads (`[[` citations, `@` mentions, `/` blocks): Lexical's typeahead
// plugin, drawing one popover list for all three. The ids are Lexical's: it points the
// editor's aria-activedescendant at `typeahead-item-N` and keeps the chosen option in
// view inside `#typeahead-menu`; the CSS and the end-to-end tests go by the classes each
// typeahead names.
import { LexicalTypeaheadMenuPlugin, type MenuOption, type TypeaheadMenuPluginProps } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { ReactNode } from 'react';
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
}

export function TypeaheadMenu<O extends MenuOption>({ className, optionClassName, renderOption, header, empty, footer, label, ...typeahead }: TypeaheadMenuProps<O>) {
  return (
    <LexicalTypeaheadMenuPlugin<O>
      {...typeahead}
      // The anchor and empty-state classes carry the citation picker's names; the CSS styles all three with them.
      anchorClassName="citation-menu-anchor"
      menuRenderFn={(anchor, { options, selectedIndex, setHighlightedIndex, selectOptionAndCleanUp }, query) => {
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
