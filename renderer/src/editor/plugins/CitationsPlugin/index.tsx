// Citations as a whole: keeps the brief's citation index (numbers, the check panel's list)
// in step with the document, switches a citation between its inline and block forms,
// selects one from elsewhere (the check panel), and offers the citation's context menu
// (right click, or the context-menu key on a focused citation) and its shortcut.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $setSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useContext, useEffect, useState } from 'react';
import { CitationIndexContext, type CitationEntry } from '../../citationIndex';
import { CitationMenu } from './CitationMenu';
import {
  isToggleFormShortcut,
  REMOVE_CITATION_COMMAND,
  SELECT_CITATION_COMMAND,
  SET_CITATION_FORM_COMMAND,
  TOGGLE_CITATION_FORM_COMMAND,
} from './commands';
import { $isCitationNode, CitationNode, type CitationForm } from '../../nodes/CitationNode';

export * from './commands';

function $collectCitations(): CitationEntry[] {
  const out: CitationEntry[] = [];
  const visit = (node: LexicalNode) => {
    if ($isCitationNode(node)) {
      out.push({
        key: node.getKey(),
        excerptId: node.__excerptId,
        quoteAtCitation: node.__quoteAtCitation,
        sourceTitleAtCitation: node.__sourceTitleAtCitation,
        form: node.__form,
      });
    } else if ($isElementNode(node)) {
      for (const child of node.getChildren()) visit(child);
    }
  };
  visit($getRoot());
  return out;
}

function $selectedCitationKey(): NodeKey | null {
  const selection = $getSelection();
  if (!$isNodeSelection(selection)) return null;
  const node = selection.getNodes().find($isCitationNode);
  return node ? node.getKey() : null;
}

interface MenuState {
  key: NodeKey;
  x: number;
  y: number;
}

export function CitationsPlugin() {
  const [editor] = useLexicalComposerContext();
  const index = useContext(CitationIndexContext);
  const [menu, setMenu] = useState<MenuState | null>(null);

  // The index follows citation mutations only (not typing), read once per update.
  useEffect(() => {
    if (!index) return;
    let scheduled = false;
    const refresh = () => {
      scheduled = false;
      index.set(editor.getEditorState().read($collectCitations));
    };
    return editor.registerMutationListener(CitationNode, () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(refresh);
    });
  }, [editor, index]);

  useEffect(() => {
    const setForm = (key: NodeKey, form: CitationForm | 'toggle') => {
      editor.update(() => {
        const node = $getNodeByKey(key);
        if (!$isCitationNode(node)) return;
        node.setForm(form === 'toggle' ? (node.getForm() === 'block' ? 'inline' : 'block') : form);
      });
    };
    let selected = new Set<NodeKey>();
    return mergeRegister(
      editor.registerCommand(
        SET_CITATION_FORM_COMMAND,
        ({ key, form }) => {
          setForm(key, form);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        TOGGLE_CITATION_FORM_COMMAND,
        (key) => {
          const target = key ?? editor.getEditorState().read($selectedCitationKey);
          if (!target) return false;
          setForm(target, 'toggle');
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        REMOVE_CITATION_COMMAND,
        (key) => {
          editor.update(() => $getNodeByKey(key)?.remove());
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        SELECT_CITATION_COMMAND,
        (key) => {
          editor.update(() => {
            if (!$isCitationNode($getNodeByKey(key))) return;
            const selection = $createNodeSelection();
            selection.add(key);
            $setSelection(selection);
          });
          const element = editor.getElementByKey(key);
          if (element) {
            element.scrollIntoView({ block: 'center' });
            editor.getRootElement()?.focus({ preventScroll: true });
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isToggleFormShortcut(event)) return false;
          // A focused citation chip first, else a selected citation.
          const host = (event.target as HTMLElement | null)?.closest?.('.citation-host');
          const key = host ? editor.getEditorState().read(() => $getNearestNodeFromDOMNode(host)?.getKey() ?? null, { editor }) : null;
          if (!editor.dispatchCommand(TOGGLE_CITATION_FORM_COMMAND, key ?? undefined)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // A citation selected from outside (the check panel) stays selected only while the text
      // has focus: a node selection kept across a blur leaves the next click in the text
      // without a caret (Chromium drops the DOM range Lexical cleared for the node).
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          editor.update(() => {
            const selection = $getSelection();
            if ($isNodeSelection(selection) && selection.getNodes().every($isCitationNode)) $setSelection(null);
          });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // A selected citation is drawn as selected; one pass over the selection per update.
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const selection = $getSelection();
          return new Set($isNodeSelection(selection) ? selection.getNodes().filter($isCitationNode).map((n) => n.getKey()) : []);
        });
        if (next.size === 0 && selected.size === 0) return;
        for (const key of selected) if (!next.has(key)) editor.getElementByKey(key)?.classList.remove('is-selected');
        for (const key of next) editor.getElementByKey(key)?.classList.add('is-selected');
        selected = next;
      }),
    );
  }, [editor]);

  // Right click (or the context-menu key) on a citation opens its menu.
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onContextMenu = (event: MouseEvent) => {
          const host = (event.target as HTMLElement | null)?.closest?.('.citation-host');
          if (!host || !root?.contains(host)) return;
          const key = editor.getEditorState().read(() => $getNearestNodeFromDOMNode(host)?.getKey() ?? null, { editor });
          if (!key) return;
          event.preventDefault();
          const chip = host.firstElementChild?.getBoundingClientRect() ?? host.getBoundingClientRect();
          // The keyboard's context-menu key reports no pointer position: open under the chip.
          const fromKeyboard = event.clientX === 0 && event.clientY === 0;
          setMenu({ key, x: fromKeyboard ? chip.left : event.clientX, y: fromKeyboard ? chip.bottom + 4 : event.clientY });
        };
        root?.addEventListener('contextmenu', onContextMenu);
        return () => root?.removeEventListener('contextmenu', onContextMenu);
      }),
    [editor],
  );

  return menu ? <CitationMenu nodeKey={menu.key} x={menu.x} y={menu.y} onClose={() => setMenu(null)} /> : null;
}
