// Staff mode with the admin console on top: an admin's session shows a button to the console over the staff screens,
// and the console replaces them while it is open. Everyone else sees the staff screens alone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { CardCaptureContext } from '../staff/card-capture.js';
import { StaffScreen } from '../staff/StaffScreen.js';
import type { StaffMode } from '../staff/use-staff-mode.js';
import { AdminConsole } from './AdminConsole.js';
import './admin.css';

export function AdminGate({ api, staff }: { api: KioskApi; staff: StaffMode }) {
  const { t } = useTranslation();
  const session = staff.step.kind === 'session' && staff.step.session.staff.role === 'admin' ? staff.step.session : null;
  // Open for one session: the next sign-in starts on the staff screens again.
  const [openFor, setOpenFor] = useState<string | null>(null);
  if (session && openFor === session.sessionId) {
    return (
      <CardCaptureContext value={staff.capture}>
      <AdminConsole
        api={api}
        session={session}
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
      <StaffScreen api={api} staff={staff} />
      {session && (
        <button type="button" className="admin-open" data-testid="admin-open" onClick={() => setOpenFor(session.sessionId)}>
          {t('admin.open')}
        </button>
      )}
    </CardCaptureContext>
  );
}
