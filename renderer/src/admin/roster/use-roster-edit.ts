// Sends a set of roster changes as the signed-in admin and says how it went: saved (the page reads the roster again),
// or refused whole with one line per problem naming its row, or the core's coded error, all in the admin's language.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import { rosterEditTexts } from '../../../../shared/i18n/admin/roster-edit-catalogs.js';
import type { AdminCall } from '../use-admin-call.js';
import { problemLines } from './roster-problems.js';

export interface RosterNote {
  failed: boolean;
  /** The first line says what happened; a refusal lists its problems after it. */
  lines: string[];
}

export interface RosterEdit {
  /** Applies the changes together; true once they are saved (or were already so), false when nothing was. */
  apply: (changes: RosterChange[]) => Promise<boolean>;
  busy: boolean;
  note: RosterNote | null;
}

export function useRosterEdit(call: AdminCall, view: RosterView | null, reload: () => void): RosterEdit {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<RosterNote | null>(null);
  const apply = useCallback(
    async (changes: RosterChange[]): Promise<boolean> => {
      const x = rosterEditTexts(i18n.language);
      if (changes.length === 0) {
        setNote({ failed: false, lines: [x.nothingChanged] });
        return true;
      }
      setBusy(true);
      setNote(null);
      const result = await call('adminEditRoster', { changes });
      setBusy(false);
      if (!result.ok) {
        setNote({ failed: true, lines: [t(`errors.${result.error.code}`, { defaultValue: result.error.code })] });
        return false;
      }
      const outcome = result.value;
      if (outcome.outcome === 'refused') {
        setNote({ failed: true, lines: [x.refused, ...problemLines(x, view, changes, outcome.problems)] });
        return false;
      }
      setNote({ failed: false, lines: [outcome.changed === 0 ? x.nothingChanged : fillText(x.saved, { changed: outcome.changed })] });
      reload();
      return true;
    },
    [call, view, reload, t, i18n.language],
  );
  return { apply, busy, note };
}
