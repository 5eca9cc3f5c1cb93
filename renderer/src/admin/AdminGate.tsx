// Staff mode with the admin console on top: an admin's session offers the console in the staff menu, and the console
// replaces the staff screens while it is open. Everyone else sees the staff screens alone.
import { useState } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import { CardCaptureContext } from '../staff/card-capture.js';
import { StaffScreen } from '../staff/StaffScreen.js';
import type { StaffMode } from '../staff/use-staff-mode.js';
import { AdminConsole } from './AdminConsole.js';
import './admin.css';

export function AdminGate({ api, staff, office }: { api: KioskApi; staff: StaffMode; office: boolean }) {
  const session = staff.step.kind === 'session' && staff.step.session.staff.role === 'admin' ? staff.step.session : null;
  // Open for one session and one visit: the next sign-in, or a staff page asked for meanwhile (the closing-time
  // alert), starts on the staff screens again.
  const visit = staff.step.kind === 'session' ? `${staff.step.session.sessionId}:${staff.step.opened}` : null;
  const [openFor, setOpenFor] = useState<string | null>(null);
  if (session && openFor === visit) {
    return (
      <CardCaptureContext value={staff.capture}>
      <AdminConsole
        api={api}
        session={session}
        office={office}
        onBack={() => setOpenFor(null)}
        onSignOut={() => staff.close('button')}
        onIdle={() => staff.close('idle')}
        onEnded={staff.ended}
      />
      </CardCaptureContext>
    );
  }
  return (
    <CardCaptureContext value={staff.capture}>
      <StaffScreen api={api} staff={staff} onOpenAdmin={session ? () => setOpenFor(visit) : undefined} />
    </CardCaptureContext>
  );
}
