// The own-roster step's spreadsheet: the console's import panel (renderer/src/admin/roster/RosterImportPanel.tsx)
// called with the setup admin's session, so the template is downloaded, filled, checked and applied in the step itself.
import type { KioskApi } from '../../../shared/api/contract.js';
import { RosterImportCallContext } from '../admin/roster/RosterImportCall.js';
import { RosterImportPanel } from '../admin/roster/RosterImportPanel.js';
import { useAdminCall } from '../admin/use-admin-call.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  /** The core ended the session: the setup asks the admin to sign in again. */
  onEnded: () => void;
  onApplied: () => void;
}

export function SetupRosterImport({ api, sessionId, onEnded, onApplied }: Props) {
  const call = useAdminCall(api, sessionId, onEnded);
  return (
    <RosterImportCallContext value={call}>
      <RosterImportPanel onApplied={onApplied} />
    </RosterImportCallContext>
  );
}
