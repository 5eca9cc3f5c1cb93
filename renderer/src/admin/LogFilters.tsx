// The log's filters: a name search (Kazakh letters may be typed as Russian ones), the days, the group, the method,
// the staff member, the sync state, and the child or companion picked from an entry, shown as removable chips.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogFilter } from '../../../shared/admin/admin-contract.js';
import type { EventMethod } from '../../../shared/domain/attendance.js';
import { DateField } from '../components/DateField.js';

export interface FilterState {
  filter: LogFilter;
  /** Names for the child and companion chips. */
  childName: string | null;
  companionName: string | null;
}

interface Props {
  state: FilterState;
  groups: readonly { id: string; name: string }[];
  staff: readonly { id: string; name: string }[];
  onChange: (next: FilterState) => void;
}

const METHODS: readonly EventMethod[] = ['rfid', 'qr', 'override'];
const SYNC_STATES = ['pending', 'sent', 'rejected', 'other-kiosk'] as const;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 300;

export function LogFilters({ state, groups, staff, onChange }: Props) {
  const { t } = useTranslation();
  const { filter } = state;
  const [search, setSearch] = useState(filter.search ?? '');
  const set = (change: Partial<LogFilter>) => {
    const next: LogFilter = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof LogFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange({ ...state, filter: next });
  };

  useEffect(() => {
    const current = filter.search ?? '';
    if (search.trim() === current) return;
    const timer = setTimeout(() => onChange({ ...state, filter: { ...filter, search: search.trim() === '' ? undefined : search.trim() } }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter, state, onChange]);

  return (
    <div className="log-filters" data-testid="log-filters">
      <input
        className="staff-input admin-search"
        data-testid="log-search"
        type="search"
        placeholder={t('admin.log.search')}
        maxLength={80}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label className="admin-field">
        {t('admin.log.from')}
        <DateField testId="log-from" value={filter.from ?? ''} onChange={(day) => set({ from: day || undefined })} />
      </label>
      <label className="admin-field">
        {t('admin.log.to')}
        <DateField testId="log-to" value={filter.to ?? ''} onChange={(day) => set({ to: day || undefined })} />
      </label>
      <label className="admin-field">
        {t('admin.log.group')}
        <select data-testid="log-group" value={filter.groupId ?? ''} onChange={(e) => set({ groupId: e.target.value || undefined })}>
          <option value="">{t('admin.log.any')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-field">
        {t('admin.log.method')}
        <select data-testid="log-method" value={filter.method ?? ''} onChange={(e) => set({ method: (e.target.value || undefined) as EventMethod | undefined })}>
          <option value="">{t('admin.log.any')}</option>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`admin.log.methods.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-field">
        {t('admin.log.staff')}
        <select data-testid="log-staff" value={filter.staffId ?? ''} onChange={(e) => set({ staffId: e.target.value || undefined })}>
          <option value="">{t('admin.log.any')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="admin-field">
        {t('admin.log.sync')}
        <select
          data-testid="log-sync-state"
          value={filter.syncState ?? ''}
          onChange={(e) => set({ syncState: (e.target.value || undefined) as LogFilter['syncState'] })}
        >
          <option value="">{t('admin.log.any')}</option>
          {SYNC_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`admin.log.syncStates.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {filter.childId && (
        <button type="button" className="admin-chip" data-testid="log-child-chip" title={t('admin.log.remove')} onClick={() => onChange({ ...state, filter: { ...filter, childId: undefined }, childName: null })}>
          {t('admin.log.child', { name: state.childName ?? filter.childId })} ✕
        </button>
      )}
      {filter.companionId && (
        <button
          type="button"
          className="admin-chip"
          data-testid="log-companion-chip"
          title={t('admin.log.remove')}
          onClick={() => onChange({ ...state, filter: { ...filter, companionId: undefined }, companionName: null })}
        >
          {t('admin.log.companion', { name: state.companionName ?? filter.companionId })} ✕
        </button>
      )}
      <button
        type="button"
        className="staff-back"
        data-testid="log-clear"
        onClick={() => {
          setSearch('');
          onChange({ filter: {}, childName: null, companionName: null });
        }}
      >
        {t('admin.log.clear')}
      </button>
    </div>
  );
}
