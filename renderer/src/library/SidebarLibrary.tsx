// The sidebar's library: how many sources there are, the windowed list of them (it asks
// only for the rows in view: LibraryList), and — once the library is longer than a
// glance — a filter (words of the title or publisher) and the order. An empty workspace
// shows how to import instead.
import { DEFAULT_SORT_DIRECTION, SOURCE_SORTS, type SortDirection, type SourceSort } from '../../../common/library';
import { useNavigation } from '../app/navigation';
import { openSideView } from '../entities/sideView';
import { SUPPORTED_LABEL } from '../import/files';
import { LibraryFilter } from './LibraryFilter';
import { LibraryList } from './LibraryList';
import { DIRECTION_LABELS, SORT_LABELS } from './orders';
import { DEFAULT_LIBRARY_QUERY, libraryQuery, useLibraryPages, useLibraryQuery, type LibraryQuery } from './libraryPages';

/** More sources than this and the library offers its filter and orders (fewer are read at a glance). */
const TOOLS_FROM = 8;

const flip = (d: SortDirection): SortDirection => (d === 'asc' ? 'desc' : 'asc');

const isDefault = (q: LibraryQuery) => q.sort === DEFAULT_LIBRARY_QUERY.sort && q.direction === DEFAULT_LIBRARY_QUERY.direction && q.filter === '';

export function SidebarLibrary({ onImport, onImportFolder }: { onImport(): void; onImportFolder(): void }) {
  const nav = useNavigation();
  const query = useLibraryQuery();
  const pages = useLibraryPages();
  const total = pages.total;
  const filtering = query.filter.trim() !== '';
  const showTools = !isDefault(query) || (total ?? 0) > TOOLS_FROM;
  const set = (patch: Partial<LibraryQuery>) => libraryQuery.set({ ...libraryQuery.get(), ...patch });

  return (
    <section className="sidebar-section sidebar-library" aria-labelledby="library-heading">
      <div className="sidebar-header">
        <span className="library-heading">
          <h2 id="library-heading">Library</h2>
          {total !== null && (
            <span className="count" aria-label={filtering ? `${total} sources match` : `${total} sources`}>
              {total.toLocaleString()}
            </span>
          )}
        </span>
        {showTools && (
          <span className="library-order">
            <select aria-label="Sort the library by" value={query.sort} onChange={(e) => set({ sort: e.target.value as SourceSort, direction: DEFAULT_SORT_DIRECTION[e.target.value as SourceSort] })}>
              {SOURCE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABELS[sort]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="icon-button"
              aria-label={`${SORT_LABELS[query.sort]}, ${DIRECTION_LABELS[query.sort][query.direction]}`}
              title={`${SORT_LABELS[query.sort]}, ${DIRECTION_LABELS[query.sort][query.direction]} — click for ${DIRECTION_LABELS[query.sort][flip(query.direction)]}`}
              onClick={() => set({ direction: flip(query.direction) })}
            >
              <span aria-hidden="true">{query.direction === 'asc' ? '↑' : '↓'}</span>
            </button>
          </span>
        )}
      </div>
      {showTools && (
        <div className="library-tools">
          <button type="button" className="icon-button library-open-table" aria-label="Open the library as a table" title="Open the library as a table — sort by any column, act on many sources at once" onClick={() => openSideView({ kind: 'library' })}>
            <span aria-hidden="true">▦</span>
          </button>
          <LibraryFilter />
        </div>
      )}
      {total === 0 && !filtering ? (
        <div className="sidebar-empty">
          <p>No sources yet — import {SUPPORTED_LABEL} files, a whole folder, or drop them here.</p>
          <div className="sidebar-empty-actions">
            <button type="button" className="button button-primary" onClick={onImport}>
              Import files
            </button>
            <button type="button" className="button" onClick={onImportFolder} title="Import every supported file in a folder and its subfolders">
              Folder…
            </button>
          </div>
        </div>
      ) : total === 0 ? (
        <p className="sidebar-empty" role="status">
          Nothing in the library matches “{query.filter.trim()}”.
        </p>
      ) : (
        <LibraryList pages={pages} total={total ?? 0} queryKey={`${query.sort}:${query.direction}:${query.filter.trim()}`} openId={nav.sourceId} onOpen={(id) => nav.openSource(id)} label="Sources" />
      )}
    </section>
  );
}
