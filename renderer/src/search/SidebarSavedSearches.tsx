// Saved searches in the sidebar (as Zotero's): each a name and how many items its query
// matches now, counted again whenever sources, excerpts or briefs change. A click runs it
// in the search box; × deletes it, with Undo.
import { api } from '../api';
import { useApiQuery } from '../state/topics';
import { notify, notifyError } from '../state/toasts';
import { requestSearch } from './searchRequests';

export function SidebarSavedSearches() {
  const saved = useApiQuery(() => api['savedSearches:list']({}), [], ['searches', 'sources', 'excerpts', 'briefs']);
  const list = saved.data ?? [];
  if (list.length === 0) return null;

  const remove = async (id: string, name: string, query: string) => {
    try {
      await api['savedSearches:delete']({ id });
      notify(`Deleted the saved search “${name}”.`, 'info', { label: 'Undo', run: () => void api['savedSearches:save']({ name, query }).catch((e: unknown) => notifyError(e, 'The saved search did not come back')) });
    } catch (error) {
      notifyError(error, 'The saved search was not deleted');
    }
  };

  return (
    <section className="sidebar-section sidebar-saved-searches" aria-labelledby="saved-searches-heading">
      <div className="sidebar-header">
        <h2 id="saved-searches-heading">Saved searches</h2>
      </div>
      <ul className="nav-list" aria-label="Saved searches">
        {list.map((s) => (
          <li key={s.id} className="saved-search-row">
            <button type="button" className="nav-item saved-search" title={s.query} onClick={() => requestSearch(s.query)}>
              <span className="nav-item-title">{s.name}</span>{' '}
              <span className="count">{s.count.toLocaleString()}</span>
              <span className="visually-hidden">
                {' '}
                {s.count === 1 ? 'match' : 'matches'}: {s.query}
              </span>
            </button>
            <button type="button" className="icon-button saved-search-delete" aria-label={`Delete the saved search ${s.name}`} title="Delete" onClick={() => void remove(s.id, s.name, s.query)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
