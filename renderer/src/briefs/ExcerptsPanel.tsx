// The excerpts beside the brief: every excerpt in the workspace, filtered by words, source,
// tag or entity. Drag one into the text to cite it there, or press Cite to cite it at the
// caret. Each card shows its grade and where it is already cited in this brief.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { useCitationNumber } from '../editor/citationIndex';
import { writeExcerptDrag } from '../editor/excerptDrag';
import { INSERT_CITATION_COMMAND } from '../editor/plugins/ExcerptDropPlugin';
import { prime } from '../state/excerptStore';
import { useApiQuery } from '../state/topics';
import type { ExcerptView } from '../types';
import { GradeBadge } from '../ui/Grade';

const SHOWN = 150;

export function ExcerptsPanel({ onClose }: { onClose(): void }) {
  const excerpts = useApiQuery(() => api['excerpts:list']({}), [], ['excerpts', 'sources']);
  const tags = useApiQuery(() => api['tags:list']({}), [], ['excerpts']);
  const entities = useApiQuery(() => api['entities:list']({}), [], ['entities', 'excerpts']);
  const [text, setText] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [tag, setTag] = useState('');
  const [entityId, setEntityId] = useState('');
  const query = useDeferredValue(text.trim().toLowerCase());

  useEffect(() => {
    if (excerpts.data) prime(excerpts.data);
  }, [excerpts.data]);

  const sources = useMemo(() => {
    const byId = new Map<string, string>();
    for (const x of excerpts.data ?? []) if (!byId.has(x.sourceId)) byId.set(x.sourceId, x.sourceTitle);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [excerpts.data]);

  const filtered = useMemo(() => {
    const words = query.split(/\s+/).filter(Boolean);
    return (excerpts.data ?? []).filter((x) => {
      if (sourceId && x.sourceId !== sourceId) return false;
      if (tag && !x.tags.includes(tag)) return false;
      if (entityId && !x.entities.some((e) => e.id === entityId)) return false;
      if (words.length) {
        const hay = `${x.quote} ${x.note} ${x.sourceTitle} ${x.tags.join(' ')}`.toLowerCase();
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    });
  }, [excerpts.data, query, sourceId, tag, entityId]);

  const filtering = !!(query || sourceId || tag || entityId);

  return (
    <section className="side-panel excerpts-panel" aria-label="Excerpts to cite">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Excerpts</h2>
        <button type="button" className="icon-button" aria-label="Close excerpts panel" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="excerpts-filters">
        <input type="search" aria-label="Filter excerpts" placeholder="Filter by words…" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Source" value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
          <option value="">All sources</option>
          {sources.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
        <div className="excerpts-filters-row">
          <select aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">Any tag</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.count})
              </option>
            ))}
          </select>
          <select aria-label="Entity" value={entityId} onChange={(e) => setEntityId(e.target.value)}>
            <option value="">Any entity</option>
            {(entities.data ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <p className="excerpts-count muted" role="status">
          {excerpts.data
            ? `${filtered.length} of ${excerpts.data.length} excerpt${excerpts.data.length === 1 ? '' : 's'} · drag one into the text`
            : 'Loading excerpts…'}
          {filtering && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setText('');
                setSourceId('');
                setTag('');
                setEntityId('');
              }}
            >
              Clear filters
            </button>
          )}
        </p>
      </div>
      <ul className="excerpts-list" aria-label="Excerpts">
        {filtered.slice(0, SHOWN).map((x) => (
          <ExcerptCard key={x.id} excerpt={x} />
        ))}
        {filtered.length > SHOWN && <li className="excerpts-more muted">{filtered.length - SHOWN} more — narrow the filter to see them.</li>}
        {excerpts.data && filtered.length === 0 && (
          <li className="excerpts-more muted">{excerpts.data.length === 0 ? 'No excerpts yet: select a passage in the reader and save it.' : 'No excerpt matches these filters.'}</li>
        )}
      </ul>
    </section>
  );
}

const ExcerptCard = memo(function ExcerptCard({ excerpt }: { excerpt: ExcerptView }) {
  const [editor] = useLexicalComposerContext();
  const number = useCitationNumber(excerpt.id);
  const [dragging, setDragging] = useState(false);
  return (
    <li
      className={`excerpt-drag${dragging ? ' is-dragging' : ''}`}
      draggable
      data-excerpt-id={excerpt.id}
      onDragStart={(e) => {
        writeExcerptDrag(e.dataTransfer, { id: excerpt.id, quote: excerpt.quote, sourceTitle: excerpt.sourceTitle });
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
    >
      <blockquote className="excerpt-drag-quote" dir="auto">{excerpt.quote}</blockquote>
      <div className="excerpt-drag-meta">
        <span className="excerpt-drag-source" title={excerpt.sourceTitle}>
          {excerpt.sourceTitle}
        </span>
        <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />
        {excerpt.tags.slice(0, 3).map((t) => (
          <span className="chip chip-tag" key={t}>
            {t}
          </span>
        ))}
      </div>
      <div className="excerpt-drag-actions">
        {number !== null && (
          <span className="excerpt-drag-cited" title="Already cited in this brief">
            cited <sup>{number}</sup>
          </span>
        )}
        <button
          type="button"
          className="button button-small"
          aria-label={`Cite “${excerpt.quote.slice(0, 40)}” at the caret`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            editor.dispatchCommand(INSERT_CITATION_COMMAND, { id: excerpt.id, quote: excerpt.quote, sourceTitle: excerpt.sourceTitle });
            editor.focus();
          }}
        >
          Cite
        </button>
      </div>
    </li>
  );
});
