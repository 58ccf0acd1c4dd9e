// The outline beside the text: the brief's headings, indented by level; a click scrolls
// the heading into view and puts the caret at its start.
import { TableOfContentsPlugin, type TableOfContentsEntry } from '@lexical/react/LexicalTableOfContentsPlugin';
import { $getNodeByKey, $isElementNode, SKIP_SCROLL_INTO_VIEW_TAG, type LexicalEditor } from 'lexical';

function goTo(editor: LexicalEditor, key: string) {
  // The caret first (its own scrolling is skipped), then the heading to the top of the view.
  editor.update(
    () => {
      const node = $getNodeByKey(key);
      if ($isElementNode(node)) node.selectStart();
    },
    { tag: SKIP_SCROLL_INTO_VIEW_TAG, onUpdate: () => editor.getElementByKey(key)?.scrollIntoView({ block: 'start' }) },
  );
  editor.getRootElement()?.focus({ preventScroll: true });
}

function Outline({ entries, editor }: { entries: TableOfContentsEntry[]; editor: LexicalEditor }) {
  return (
    <nav className="outline" aria-label="Outline">
      {entries.length === 0 ? (
        <p className="outline-empty muted">Headings appear here. Type / for Heading 1–3.</p>
      ) : (
        <ol className="outline-list">
          {entries.map(([key, text, tag]) => (
            <li key={key} className={`outline-item outline-${tag}`}>
              <button type="button" className="outline-link" data-heading-key={key} onClick={() => goTo(editor, key)} title={text}>
                {text.trim() || <span className="muted">(empty heading)</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

export function OutlinePlugin() {
  return <TableOfContentsPlugin>{(entries, editor) => <Outline entries={entries} editor={editor} />}</TableOfContentsPlugin>;
}
