// The library's filter box (words of the title or publisher), in the sidebar and over the
// library table: both edit the one library query, so each shows what the other typed.
// Escape clears it.
import { libraryQuery, useLibraryQuery } from './libraryPages';

export function LibraryFilter() {
  const query = useLibraryQuery();
  const setFilter = (filter: string) => libraryQuery.set({ ...libraryQuery.get(), filter });
  return (
    <input
      type="search"
      className="library-filter"
      aria-label="Filter the library"
      placeholder="Filter by title or publisher"
      value={query.filter}
      onChange={(e) => setFilter(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && query.filter) {
          e.preventDefault();
          setFilter('');
        }
      }}
    />
  );
}
