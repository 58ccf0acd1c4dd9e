// What each order of the library is by, and which way each direction runs, in words: the
// sidebar's order menu and the library table's column headers say the same.
import type { SortDirection, SourceSort } from '../../../common/library';

export const SORT_LABELS: Record<SourceSort, string> = {
  added: 'Added',
  title: 'Title',
  published: 'Published',
  publisher: 'Publisher',
  excerpts: 'Excerpts',
  grade: 'Grade',
  mentions: 'Mentions',
  language: 'Language',
};

export const DIRECTION_LABELS: Record<SourceSort, Record<SortDirection, string>> = {
  added: { desc: 'newest first', asc: 'oldest first' },
  title: { asc: 'A to Z', desc: 'Z to A' },
  published: { desc: 'latest first', asc: 'earliest first' },
  publisher: { asc: 'A to Z', desc: 'Z to A' },
  excerpts: { desc: 'most first', asc: 'fewest first' },
  grade: { asc: 'A first', desc: 'F first' },
  mentions: { desc: 'most first', asc: 'fewest first' },
  language: { asc: 'A to Z', desc: 'Z to A' },
};
