// Toolbar icons as inline SVG (no icon font, no remote assets). Decorative: the buttons
// carry the accessible names.
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const LinkIcon = () => (
  <Icon>
    <path d="M6.5 9.5l3-3" />
    <path d="M7 4.5l1.2-1.2a2.8 2.8 0 0 1 4 4L11 8.5" />
    <path d="M9 11.5l-1.2 1.2a2.8 2.8 0 0 1-4-4L5 7.5" />
  </Icon>
);

export const BulletListIcon = () => (
  <Icon>
    <circle cx="3" cy="4" r="0.9" fill="currentColor" stroke="none" />
    <circle cx="3" cy="8" r="0.9" fill="currentColor" stroke="none" />
    <circle cx="3" cy="12" r="0.9" fill="currentColor" stroke="none" />
    <path d="M6 4h8M6 8h8M6 12h8" />
  </Icon>
);

export const NumberedListIcon = () => (
  <Icon>
    <path d="M2.2 3.2L3.2 2.6V6" strokeWidth="1.2" />
    <path d="M2.2 9.4c.2-.6.7-.9 1.2-.9.6 0 1 .4 1 .9 0 .8-1.3 1.4-2.2 2.6h2.3" strokeWidth="1.2" />
    <path d="M7 4h7M7 8.5h7M7 12.5h7" />
  </Icon>
);

export const QuoteIcon = () => (
  <Icon>
    <path d="M3 3.5v9" strokeWidth="2" />
    <path d="M6.5 5h7.5M6.5 8h7.5M6.5 11h5" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5L2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M10.5 3.5l3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </Icon>
);

export const SidebarIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1.5" />
    <path d="M6 3v10" />
  </Icon>
);
