// An excerpt dragged from a panel into a brief: what the drag carries. Plain text too, so
// a drop anywhere else reads as the quote.
export const EXCERPT_DRAG_TYPE = 'application/x-sourcebook-excerpt';

export interface DraggedExcerpt {
  id: string;
  quote: string;
  sourceTitle: string;
}

export function writeExcerptDrag(data: DataTransfer, excerpt: DraggedExcerpt): void {
  data.setData(EXCERPT_DRAG_TYPE, JSON.stringify({ id: excerpt.id, quote: excerpt.quote, sourceTitle: excerpt.sourceTitle }));
  data.setData('text/plain', `“${excerpt.quote}” (${excerpt.sourceTitle})`);
  data.effectAllowed = 'copy';
}

export function isExcerptDrag(data: DataTransfer | null): boolean {
  return !!data && Array.from(data.types).includes(EXCERPT_DRAG_TYPE);
}

export function readExcerptDrag(data: DataTransfer | null): DraggedExcerpt | null {
  const raw = data?.getData(EXCERPT_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraggedExcerpt>;
    return typeof value.id === 'string' && typeof value.quote === 'string' ? { id: value.id, quote: value.quote, sourceTitle: typeof value.sourceTitle === 'string' ? value.sourceTitle : '' } : null;
  } catch {
    return null;
  }
}
