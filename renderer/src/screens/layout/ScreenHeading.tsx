import type { ReactNode } from 'react';

/** A screen's main heading (level 2: the app title is level 1). */
export function ScreenHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="screen-heading">
      {children}
    </h2>
  );
}
