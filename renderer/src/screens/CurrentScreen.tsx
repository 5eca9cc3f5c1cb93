// Picks the screen: the database screen overrides everything, otherwise the check-in flow decides.
import type { KioskApi, KioskStatus } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import type { CheckinFlow } from '../state/use-checkin-flow.js';
import { CannotRecordScreen } from './CannotRecordScreen.js';
import { ChooseScreen } from './ChooseScreen.js';
import { ConnectingScreen } from './ConnectingScreen.js';
import { DatabaseErrorScreen } from './DatabaseErrorScreen.js';
import { DoneScreen } from './DoneScreen.js';
import { ErrorScreen } from './ErrorScreen.js';
import { IdleScreen } from './IdleScreen.js';

interface Props {
  status: KioskStatus | null;
  flow: CheckinFlow;
  onLanguage: (language: Language) => void;
  onRetryDatabase: () => Promise<void>;
  /** For the damaged-records screen's offer of a verified copy. */
  api?: KioskApi;
}

export function CurrentScreen({ status, flow, onLanguage, onRetryDatabase, api }: Props) {
  if (status === null) return <ConnectingScreen />;
  if (status.state === 'database-error') return <DatabaseErrorScreen problem={status.problem} missingEvents={status.missingEvents} onRetry={onRetryDatabase} api={api} />;
  const screen = flow.screen;
  // Cards are still answered (an unknown card is still unknown); between them the door says it cannot record.
  if (status.state === 'cannot-record' && screen.kind === 'idle') return <CannotRecordScreen status={status} />;
  const backToIdle = () => {
    if (screen.kind !== 'idle') flow.backToIdle(screen.id);
  };
  // Keys per scan and per receipt: a new card always gets a fresh screen (state, timers, performance marks).
  switch (screen.kind) {
    case 'idle':
      return status.state === 'ready' ? <IdleScreen status={status} onLanguage={onLanguage} /> : <CannotRecordScreen status={status} />;
    case 'choose':
      return <ChooseScreen key={`choose-${String(screen.id)}`} scan={screen.scan} onConfirm={flow.confirm} onCancel={flow.cancel} />;
    case 'done':
      return <DoneScreen key={`done-${String(screen.id)}`} outcome={screen.outcome} receipt={screen.receipt} onTimeout={backToIdle} />;
    case 'error':
      return <ErrorScreen key={`error-${String(screen.id)}`} code={screen.code} onTimeout={backToIdle} />;
  }
}
