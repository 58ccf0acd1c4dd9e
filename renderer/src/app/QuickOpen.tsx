// Quick Open (Ctrl/Cmd+O, View ▸ Quick Open…): any source, brief, entity or excerpt by its
// name, as Obsidian's quick switcher and VS Code's Go to File do. The workspace answers
// with a few of each kind (db/quickOpen.ts: never every source); they are ranked together
// here by the same fuzzy match as the command palette. Enter opens the highlighted one.
import { useEffect, useMemo, useState } from 'react';
import { fuzzyScore } from '../../../common/fuzzy';
import { api } from '../api';
import { openSideView } from '../entities/sideView';
import type { QuickOpenItem } from '../types';
import { PickerDialog } from '../ui/PickerDialog';
import { useNavigation } from './navigation';

const KIND_LABEL: Record<QuickOpenItem['kind'], string> = { source: 'Source', brief: 'Brief', entity: 'Entity', excerpt: 'Excerpt' };
const DELAY = 60;

/** The items ranked together: the best fuzzy match of the name first, kinds in a fixed order on a tie. */
export function quickOpenOrder(query: string, items: readonly QuickOpenItem[]): QuickOpenItem[] {
  const kinds = Object.keys(KIND_LABEL);
  return items
    .map((item, i) => ({ item, i, score: query.trim() ? (fuzzyScore(query, item.title) ?? -1000) : 0 }))
    .sort((a, b) => b.score - a.score || kinds.indexOf(a.item.kind) - kinds.indexOf(b.item.kind) || a.i - b.i)
    .map((x) => x.item);
}

export function QuickOpen({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<QuickOpenItem[] | null>(null);
  const nav = useNavigation();

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api['quickOpen:find']({ query }).then(
        (found) => live && setItems(found),
        () => live && setItems([]),
      );
    }, DELAY);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const shown = useMemo(() => quickOpenOrder(query, items ?? []), [query, items]);

  const open = (item: QuickOpenItem) => {
    onClose();
    if (item.kind === 'source') nav.openSource(item.id);
    else if (item.kind === 'brief') nav.openBrief(item.id);
    else if (item.kind === 'entity') openSideView({ kind: 'entity', id: item.id });
    else if (item.sourceId) nav.openSource(item.sourceId, item.id);
  };

  return (
    <PickerDialog
      title="Quick Open"
      label="Name"
      placeholder="A source, brief, entity or excerpt by name"
      listLabel="Matches"
      query={query}
      onQuery={setQuery}
      items={shown}
      itemKey={(item) => `${item.kind}:${item.id}`}
      renderItem={(item) => (
        <>
          <span className="palette-category">{KIND_LABEL[item.kind]}</span>
          <span className="palette-title" title={item.title}>
            {item.title}
          </span>
          {item.detail && <span className="palette-detail">{item.detail}</span>}
        </>
      )}
      empty={items ? <div className="palette-empty">Nothing is named “{query.trim()}”.</div> : null}
      onPick={open}
      onClose={onClose}
    />
  );
}
