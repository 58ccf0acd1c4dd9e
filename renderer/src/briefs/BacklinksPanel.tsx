// Backlinks: what in the workspace points at this brief's matter (db/backlinks.ts) — the
// other briefs citing the same sources (how many excerpts and sources they share), the
// other briefs naming the same entities, and the sources this brief cites. Live: a brief
// that starts citing the same excerpt appears as soon as it is saved. Each list is one
// Tab stop (↑ ↓ Home End, letters jump, Enter opens).
import type { Output } from '../../../electron/ipc/contract';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { useApiQuery } from '../state/topics';
import { useRovingList } from '../ui/rovingList';

type Backlinks = Output<'briefs:backlinks'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function LinkList({ label, rows, onOpen }: { label: string; rows: { key: string; title: string; detail: string; hint: string }[]; onOpen(index: number): void }) {
  const roving = useRovingList(rows.length, { keys: rows.map((r) => r.key), labels: rows.map((r) => r.title), onOpen });
  return (
    <ul className="backlinks-list" aria-label={label} ref={roving.listRef} onKeyDown={roving.onKeyDown}>
      {rows.map((r, i) => (
        <li key={r.key} {...roving.row(i)} aria-label={`${r.title}: ${r.detail}`}>
          <button type="button" className="link-button backlinks-title" tabIndex={roving.tabIndex(i)} title={r.hint} onClick={() => onOpen(i)}>
            {r.title}
          </button>
          <span className="backlinks-detail">{r.detail}</span>
        </li>
      ))}
    </ul>
  );
}

export function BacklinksPanel({ briefId, onClose }: { briefId: string; onClose(): void }) {
  const nav = useNavigation();
  const links = useApiQuery(() => api['briefs:backlinks']({ id: briefId }), [briefId], ['briefs', 'excerpts', 'sources', 'entities']);
  const data: Backlinks | undefined = links.data;
  const empty = data && !data.sharingEvidence.length && !data.sharingEntities.length && !data.sources.length;
  return (
    <section className="side-panel backlinks-panel" aria-label="Backlinks">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Backlinks</h2>
        <button type="button" className="icon-button" aria-label="Close backlinks panel" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {!data ? (
        <p className="muted backlinks-empty">Looking…</p>
      ) : empty ? (
        <p className="muted backlinks-empty">Nothing points here yet: cite an excerpt or @-mention an entity, and the briefs that share them will be listed.</p>
      ) : (
        <>
          <h3 className="backlinks-heading">Briefs citing the same evidence</h3>
          {data.sharingEvidence.length ? (
            <LinkList
              label="Briefs citing the same evidence"
              rows={data.sharingEvidence.map((b) => ({
                key: b.briefId,
                title: b.title,
                detail: b.excerpts ? `${plural(b.excerpts, 'excerpt')} and ${plural(b.sources, 'source')} in common` : `${plural(b.sources, 'source')} in common`,
                hint: `Open the brief “${b.title}”`,
              }))}
              onOpen={(i) => nav.openBrief(data.sharingEvidence[i].briefId)}
            />
          ) : (
            <p className="muted backlinks-none">No other brief cites these sources.</p>
          )}
          <h3 className="backlinks-heading">Briefs naming the same entities</h3>
          {data.sharingEntities.length ? (
            <LinkList
              label="Briefs naming the same entities"
              rows={data.sharingEntities.map((b) => ({ key: b.briefId, title: b.title, detail: b.entities.map((e) => e.name).join(', '), hint: `Open the brief “${b.title}”` }))}
              onOpen={(i) => nav.openBrief(data.sharingEntities[i].briefId)}
            />
          ) : (
            <p className="muted backlinks-none">No other brief @-mentions these entities.</p>
          )}
          <h3 className="backlinks-heading">Sources it cites</h3>
          {data.sources.length ? (
            <LinkList
              label="Sources it cites"
              rows={data.sources.map((s) => ({ key: s.sourceId, title: s.title, detail: plural(s.citations, 'citation'), hint: `Open “${s.title}” in the reader` }))}
              onOpen={(i) => nav.openSource(data.sources[i].sourceId)}
            />
          ) : (
            <p className="muted backlinks-none">It cites no source yet.</p>
          )}
        </>
      )}
    </section>
  );
}
