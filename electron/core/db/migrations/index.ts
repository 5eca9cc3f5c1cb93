// Every migration in order. Append only: the applied list in a database must be a prefix of this list.
import type { Migration } from '../migration.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';
import { syncOutbox } from './0003-sync-outbox.js';
import { staff } from './0004-staff.js';
import { admin } from './0005-admin.js';
import { cardChanges } from './0006-card-changes.js';
import { staffAccounts } from './0007-staff-accounts.js';
import { chainVerified } from './0008-chain-verified.js';
import { refusedCoalesced } from './0009-refused-coalesced.js';
import { staffCardLock } from './0010-staff-card-lock.js';
import { allowedValues } from './0011-allowed-values.js';
import { restoreAudit } from './0012-restore-audit.js';
import { backupSettingsAudit } from './0013-backup-settings-audit.js';
import { archiveBoundaries } from './0014-archive-boundaries.js';
import { timeZoneAudit } from './0015-time-zone-audit.js';
import { setupAudit } from './0016-setup-audit.js';
import { rosterEdits } from './0017-roster-edits.js';
import { updateAudit } from './0018-update-audit.js';
import { rosterSpreadsheet } from './0019-roster-spreadsheet.js';
import { kioskLeftAudit } from './0020-kiosk-left-audit.js';
import { returnChecks } from './0021-return-checks.js';
import { paperDays } from './0022-paper-days.js';
import { neverComeCounts } from './0023-never-come-counts.js';
import { headcountCutOff } from './0024-headcount-cut-off.js';
import { staffAlerts } from './0025-staff-alerts.js';

export const migrations: readonly Migration[] = [initial, trustedKeys, syncOutbox, staff, admin, cardChanges, staffAccounts, chainVerified, refusedCoalesced, staffCardLock, allowedValues, restoreAudit, backupSettingsAudit, archiveBoundaries, timeZoneAudit, setupAudit, rosterEdits, updateAudit, rosterSpreadsheet, kioskLeftAudit, returnChecks, paperDays, neverComeCounts, headcountCutOff, staffAlerts];
