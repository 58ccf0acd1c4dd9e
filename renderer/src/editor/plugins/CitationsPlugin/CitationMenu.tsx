// A citation's context menu: its form (numbered marker or block quote), open its source,
// remove it. Only dispatches the citation commands; arrow keys move, Escape closes.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useNavigation } from '../../../app/navigation';
import { getExcerptEntry } from '../../../state/excerptStore';
import { $isCitationNode, type CitationForm } from '../../nodes/CitationNode';
import { REMOVE_CITATION_COMMAND, SET_CITATION_FORM_COMMAND, TOGGLE_FORM_SHORTCUT } from './commands';

export function CitationMenu({ nodeKey, x, y, onClose }: { nodeKey: NodeKey; x: number; y: number; onClose(): void }) {
  const [editor] = useLexicalComposerContext();
  const nav = useNavigation();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ top: y, left: x });
  const info = editor.getEditorState().read(() => {
    const node = $getNodeByKey(nodeKey);
    return $isCitationNode(node) ? { form: node.getForm(), excerptId: node.getExcerptId() } : null;
  });

  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPosition({ top: Math.min(y, window.innerHeight - box.height - 8), left: Math.min(x, window.innerWidth - box.width - 8) });
    ref.current?.querySelector<HTMLElement>('[role="menuitemradio"][aria-checked="false"], [role="menuitem"]')?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  if (!info) return null;
  const entry = getExcerptEntry(info.excerptId);

  const close = () => {
    onClose();
    editor.focus();
  };
  const setForm = (form: CitationForm) => {
    editor.dispatchCommand(SET_CITATION_FORM_COMMAND, { key: nodeKey, form });
    close();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
  };

  return createPortal(
    <div ref={ref} className="popover context-menu" role="menu" aria-label="Citation" style={{ top: position.top, left: position.left }} onKeyDown={onKeyDown}>
      <button type="button" role="menuitemradio" aria-checked={info.form === 'inline'} className="context-menu-item" onClick={() => setForm('inline')}>
        <span className="context-menu-check" aria-hidden="true">
          {info.form === 'inline' ? '●' : ''}
        </span>
        Numbered marker
      </button>
      <button type="button" role="menuitemradio" aria-checked={info.form === 'block'} className="context-menu-item" onClick={() => setForm('block')}>
        <span className="context-menu-check" aria-hidden="true">
          {info.form === 'block' ? '●' : ''}
        </span>
        Block quote
        <kbd className="context-menu-kbd">{TOGGLE_FORM_SHORTCUT}</kbd>
      </button>
      <div className="context-menu-sep" role="separator" />
      {entry.status === 'ok' && (
        <button
          type="button"
          role="menuitem"
          className="context-menu-item"
          onClick={() => {
            onClose();
            nav.openSource(entry.excerpt.sourceId, info.excerptId);
          }}
        >
          <span className="context-menu-check" aria-hidden="true" />
          Open in the reader
        </button>
      )}
      <button
        type="button"
        role="menuitem"
        className="context-menu-item context-menu-danger"
        onClick={() => {
          editor.dispatchCommand(REMOVE_CITATION_COMMAND, nodeKey);
          close();
        }}
      >
        <span className="context-menu-check" aria-hidden="true" />
        Remove citation
      </button>
    </div>,
    document.body,
  );
}
