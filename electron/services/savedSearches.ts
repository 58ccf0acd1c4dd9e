// Saved searches as the front doors offer them (db/savedSearches.ts): a name and a query,
// refused with a sentence when the query looks for nothing or there are too many.
import { writeTransaction, type Db } from '../../db/workspace';
import { deleteSavedSearch, listSavedSearches, MAX_SAVED_SEARCHES, saveSearch, savedQueryProblem, savedSearchCount, type SavedSearch } from '../../db/savedSearches';
import { UserError } from './errors';

export { listSavedSearches };

export function saveNamedSearch(db: Db, name: string, query: string): SavedSearch {
  const problem = savedQueryProblem(query);
  if (problem) throw new UserError(problem);
  return writeTransaction(db, () => {
    const exists = listSavedSearches(db).some((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!exists && savedSearchCount(db) >= MAX_SAVED_SEARCHES) throw new UserError(`There are already ${MAX_SAVED_SEARCHES} saved searches: delete one first.`);
    return saveSearch(db, name, query);
  });
}

export function removeSavedSearch(db: Db, id: string): null {
  if (!writeTransaction(db, () => deleteSavedSearch(db, id))) throw new UserError('That saved search no longer exists.');
  return null;
}
