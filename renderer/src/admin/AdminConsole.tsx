// The admin console, reached from the staff screens by an admin: Today, the log, the refused attempts and the
// табель. The same session as the staff screens: idle for its time, or ended by the core, and the door comes back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogFilter } from '../../../shared/admin/admin-contract.js';
import type { KioskApi } from '../../../shared/api/contract.js';
import { kioskLocalTime } from '../state/kiosk-zone.js';
import type { StaffSession } from '../../../shared/staff/staff-contract.js';
import { useKeepAlive } from '../staff/use-keep-alive.js';
import { IdleWarning } from './IdleWarning.js';
import { useIdleWarning } from './use-idle-warning.js';
import { ArchivePage } from './ArchivePage.js';
import { ThisComputerPage } from './ThisComputerPage.js';
import { ComputersPage } from './ComputersPage.js';
import { computersTexts } from '../../../shared/i18n/peers/computers-catalogs.js';
import { kioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-catalogs.js';
import { BackupsPage } from './BackupsPage.js';
import { CardsPage } from './CardsPage.js';
import { CompanionsPage } from './CompanionsPage.js';
import { DiagnosticsPage } from './DiagnosticsPage.js';
import { LogPage } from './LogPage.js';
import { RefusedPage } from './RefusedPage.js';
import { ReturnsPage } from './ReturnsPage.js';
import { NeverComePage } from './NeverComePage.js';
import { neverComeTexts } from '../../../shared/i18n/admin/never-come-catalogs.js';
import { returnTexts } from '../../../shared/i18n/staff/returns-catalogs.js';
import { RosterImportCallContext } from './roster/RosterImportCall.js';
import { RosterImportPanel } from './roster/RosterImportPanel.js';
import { RosterPage } from './roster/RosterPage.js';
import { rosterEditTexts } from '../../../shared/i18n/admin/roster-edit-catalogs.js';
import { SettingsPage } from './SettingsPage.js';
import { StaffAccountsPage } from '../staff/StaffAccountsPage.js';
import { SyncPage } from './SyncPage.js';
import { TabelPage } from './TabelPage.js';
import { TodayPage } from './TodayPage.js';
import { TimeZoneWarnings } from './TimeZoneWarnings.js';
import { UpdatesPage } from './UpdatesPage.js';
import { useAdminCall } from './use-admin-call.js';
import { useStaffCall } from '../staff/use-staff-call.js';
import { applyLanguage } from '../i18n/i18n.js';
import { SetupConsoleTab } from '../setup/SetupConsoleTab.js';
import { SetupScreen } from '../setup/SetupScreen.js';
import './admin.css';

const TABS = ['today', 'log', 'refused', 'tabel', 'roster', 'companions', 'cards', 'staff', 'sync', 'settings', 'diagnostics', 'backups', 'archive', 'updates', 'rosterImport', 'computer', 'computers'] as const;
type Tab = (typeof TABS)[number] | 'setup' | 'returns' | 'neverCome';

interface Props {
  api: KioskApi;
  session: StaffSession;
  /** The office PC: the settings leave out the door's own (its screen, sound, camera and readers). */
  office: boolean;
  /** Back to the staff screens, still signed in. */
  onBack: () => void;
  onSignOut: () => void;
  onIdle: () => void;
  /** The core ended the session. */
  onEnded: () => void;
}

export function AdminConsole({ api, session, office, onBack, onSignOut, onIdle, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const call = useAdminCall(api, session.sessionId, onEnded);
  const staffCall = useStaffCall(api, session.sessionId, onEnded);
  const [tab, setTab] = useState<Tab>('today');
  // The log opened from elsewhere (the sync page's refused records) starts with that filter.
  const [logFilter, setLogFilter] = useState<LogFilter>({});
  // Bumped when the zone is saved, so the clock warnings look again at once.
  const [clockVersion, setClockVersion] = useState(0);
  const open = (name: Tab) => {
    setLogFilter({});
    setTab(name);
  };
  const idleMs = (session.consoleIdleSeconds ?? session.idleSeconds) * 1000;
  const idle = useIdleWarning(idleMs, onIdle);
  // Reading and scrolling ask the core nothing: tell it the session is in use, so its limit matches the screen's.
  useKeepAlive(idleMs / 4, () => void staffCall('staffKeepAlive', {}));
  const stay = () => {
    idle.stay();
    void staffCall('staffKeepAlive', {});
  };
  // The kindergarten's day (the core's zone, from its status), whatever zone the browser is in.
  const today = kioskLocalTime().localDate;

  return (
    <main className="screen staff-screen admin-screen" data-testid="admin-console" data-tab={tab}>
      <header className="staff-header">
        <span className="staff-who" data-testid="staff-who">
          {session.staff.firstName} {session.staff.lastName} · {t('admin.title')}
        </span>
        <button type="button" className="staff-back" data-testid="admin-back" onClick={onBack}>
          {t('admin.back')}
        </button>
        <button type="button" className="staff-back" data-testid="admin-sign-out" onClick={onSignOut}>
          {t('staff.home.signOut')}
        </button>
      </header>
      <nav className="admin-tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className="admin-tab" data-testid={`admin-tab-${name}`} onClick={() => open(name)}>
            {/* The newer pages' words live in their sub-catalogs: the main catalogs are at TypeScript's limit. */}
            {name === 'roster' ? rosterEditTexts(i18n.language).tab : name === 'computer' ? kioskShellTexts(i18n.language).tab : name === 'computers' ? computersTexts(i18n.language).tab : t(`admin.tabs.${name}`)}
          </button>
        ))}
        <button type="button" role="tab" aria-selected={tab === 'returns'} className="admin-tab" data-testid="admin-tab-returns" onClick={() => open('returns')}>
          {returnTexts(i18n.language).adminTab}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'neverCome'} className="admin-tab" data-testid="admin-tab-neverCome" onClick={() => open('neverCome')}>
          {neverComeTexts(i18n.language).tab}
        </button>
        <SetupConsoleTab selected={tab === 'setup'} onOpen={() => open('setup')} />
      </nav>
      {idle.phase.kind === 'warning' && <IdleWarning language={i18n.language} secondsLeft={idle.phase.secondsLeft} onStay={stay} />}
      <TimeZoneWarnings call={call} version={clockVersion} />
      {tab === 'today' && <TodayPage call={call} />}
      {tab === 'log' && <LogPage call={call} initial={logFilter} />}
      {tab === 'refused' && <RefusedPage call={call} />}
      {tab === 'tabel' && <TabelPage call={call} today={today} />}
      {tab === 'roster' && <RosterPage call={call} today={today} onOpenPage={open} />}
      {tab === 'companions' && <CompanionsPage call={call} />}
      {tab === 'cards' && <CardsPage call={call} />}
      {tab === 'settings' && <SettingsPage call={call} office={office} onClockChanged={() => setClockVersion((v) => v + 1)} />}
      {tab === 'diagnostics' && <DiagnosticsPage api={api} sessionId={session.sessionId} call={call} onEnded={onEnded} />}
      {tab === 'backups' && <BackupsPage api={api} sessionId={session.sessionId} onEnded={onEnded} />}
      {tab === 'archive' && <ArchivePage api={api} sessionId={session.sessionId} onEnded={onEnded} />}
      {tab === 'updates' && <UpdatesPage api={api} sessionId={session.sessionId} onEnded={onEnded} />}
      {tab === 'rosterImport' && (
        <RosterImportCallContext.Provider value={call}>
          <RosterImportPanel />
        </RosterImportCallContext.Provider>
      )}
      {tab === 'setup' && <SetupScreen api={api} session={session} onLanguage={applyLanguage} onClose={() => open('today')} onEnded={onEnded} />}
      {tab === 'computer' && <ThisComputerPage api={api} sessionId={session.sessionId} onEnded={onEnded} />}
      {tab === 'computers' && <ComputersPage api={api} sessionId={session.sessionId} onEnded={onEnded} />}
      {tab === 'neverCome' && <NeverComePage call={call} />}
      {tab === 'returns' && <ReturnsPage api={api} session={session} onEnded={onEnded} />}
      {tab === 'staff' && <StaffAccountsPage api={api} session={session} onEnded={onEnded} />}
      {tab === 'sync' && (
        <SyncPage
          api={api}
          sessionId={session.sessionId}
          onEnded={onEnded}
          onShowRejected={() => {
            setLogFilter({ syncState: 'rejected' });
            setTab('log');
          }}
        />
      )}
    </main>
  );
}
