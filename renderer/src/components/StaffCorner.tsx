// The idle screen's corner for staff: reader problems in small print and the staff sign-in. (The camera is chosen by
// an admin in the door settings: a companion must not be able to switch it off by a stray touch.)
import type { ReaderState } from '../../../shared/api/contract.js';
import { StaffButton } from '../staff/StaffButton.js';
import { ReaderProblems } from './ReaderProblems.js';

interface Props {
  readers: readonly ReaderState[];
  /** Staff alerts waiting: only their number is shown at the door (state/door-alerts.ts says why). */
  alertCount: number;
  onStaff: () => void;
}

export function StaffCorner({ readers, alertCount, onStaff }: Props) {
  return (
    <div className="staff-corner" data-testid="staff-corner">
      <ReaderProblems readers={readers} />
      <StaffButton alertCount={alertCount} onOpen={onStaff} />
    </div>
  );
}
