// The log: every attendance event, newest first, as a virtualised list that loads page after page (keyset pages
// from the core), under the filters. Tapping a child's or a companion's name narrows the log to them.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogCursor, LogEntry, LogFilter } from '../../../shared/admin/admin-contract.js';
import { LogFilters, type FilterState } from './LogFilters.js';
import { LogRow } from './LogRow.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';
import { usePages } from './use-pages.js';
import { VirtualList } from './VirtualList.js';

const PAGE = 50;

export function LogPage({ call, initial }: { call: AdminCall; initial: LogFilter }) {
  const { t } = useTranslation();
  const options = useLoadedOnce(useCallback(() => call('adminLogOptions', {}), [call]));
  const [state, setState] = useState<FilterState>({ filter: initial, childName: null, companionName: null });
  const { filter } = state;
  const load = useCallback(
    async (cursor: LogCursor | null) => {
      const result = await call('adminLog', { filter, cursor, limit: PAGE });
      return result.ok ? { ok: true as const, value: { items: result.value.entries, nextCursor: result.value.nextCursor } } : result;
    },
    [call, filter],
  );
  const pages = usePages<LogEntry>(load);
  const footer = pages.error ? (
    <p className="staff-refusal" role="alert">
      {t(`errors.${pages.error}` as 'errors.INTERNAL')}
    </p>
  ) : (
    <p className="admin-list-end" data-testid="log-end" data-loading={pages.loading}>
      {pages.loading ? t('admin.log.loading') : pages.items.length === 0 ? t('admin.log.empty') : pages.more ? '' : t('admin.log.end')}
    </p>
  );

  return (
    <div className="admin-page">
      <LogFilters state={state} groups={options?.groups ?? []} staff={options?.staff ?? []} onChange={setState} />
      <VirtualList
        testId="log-list"
        items={pages.items}
        more={pages.more}
        loadMore={pages.loadMore}
        estimate={76}
        rowKey={(e) => e.id}
        footer={footer}
        renderRow={(entry) => (
          <LogRow
            entry={entry}
            onChild={(child) => setState((s) => ({ ...s, filter: { ...s.filter, childId: child.id }, childName: child.name }))}
            onCompanion={(companion) => setState((s) => ({ ...s, filter: { ...s.filter, companionId: companion.id }, companionName: companion.name }))}
          />
        )}
      />
    </div>
  );
}
