// Asks the search box to run a query (a saved search clicked in the sidebar): the box
// takes the text, runs it and opens its results, as if it had been typed.
import { createSignal } from '../state/store';

const requests = createSignal<string>();

export const requestSearch = (query: string): void => requests.emit(query);
export const onSearchRequest = requests.subscribe;
