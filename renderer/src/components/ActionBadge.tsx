// Arrival (green, arrow in) or departure (orange, arrow out): readable from colour and icon alone.
import type { ReactNode } from 'react';
import type { EventKind } from '../../../shared/domain/attendance.js';
import { ArrivalIcon, DepartureIcon } from './icons.js';

export function ActionBadge({ kind, children }: { kind: EventKind; children: ReactNode }) {
  return (
    <span className={`action-badge action-${kind}`}>
      {kind === 'arrival' ? <ArrivalIcon /> : <DepartureIcon />}
      <span>{children}</span>
    </span>
  );
}
