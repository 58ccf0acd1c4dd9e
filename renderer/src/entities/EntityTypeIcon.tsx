// An entity type's icon, drawn in the type's colour (CSS: .entity-icon-<type>). Each type
// also has a shape in the link chart and a dotted underline colour in the reader.
import type { ReactNode } from 'react';
import { ENTITY_TYPE_LABELS, type EntityType } from '../types';

const PATHS: Record<EntityType, ReactNode> = {
  person: (
    <>
      <circle cx="8" cy="5.2" r="2.7" />
      <path d="M2.8 14c.4-3 2.6-4.6 5.2-4.6s4.8 1.6 5.2 4.6" />
    </>
  ),
  organization: (
    <>
      <rect x="3" y="2.5" width="10" height="11.5" rx="1" />
      <path d="M6 5.5h1M9 5.5h1M6 8h1M9 8h1M7 14v-2.8h2V14" />
    </>
  ),
  location: (
    <>
      <path d="M8 14.2s-4.6-4.3-4.6-7.6a4.6 4.6 0 0 1 9.2 0c0 3.3-4.6 7.6-4.6 7.6z" />
      <circle cx="8" cy="6.5" r="1.6" />
    </>
  ),
  event: (
    <>
      <rect x="2.5" y="3.5" width="11" height="10" rx="1.2" />
      <path d="M2.5 6.8h11M5.5 2v3M10.5 2v3" />
    </>
  ),
  other: <path d="M8 2.2l5.8 5.8L8 13.8 2.2 8z" />,
};

export function EntityTypeIcon({ type, size = 14, title }: { type: EntityType; size?: number; title?: boolean }) {
  return (
    <svg
      className={`entity-icon entity-icon-${type}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      aria-label={title ? ENTITY_TYPE_LABELS[type] : undefined}
      focusable="false"
    >
      {PATHS[type]}
    </svg>
  );
}

/** The CSS custom property holding a type's colour (defined per theme in entities.css). */
export const typeColorVar = (type: EntityType) => `--entity-${type}`;
