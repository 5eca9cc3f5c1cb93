// The credentials the door refused: unknown and blocked cards, forged or expired codes, a nanny who may not collect.
// Newest first, by day and method, page after page.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogCursor, RefusedAttempt, RefusedFilter } from '../../../shared/admin/admin-contract.js';
import { hhmmOf } from '../../../shared/domain/local-time.js';
import { visibleText } from '../../../shared/text/visible-text.js';
import { consoleTexts } from '../../../shared/i18n/admin/console-catalogs.js';
import { fillText } from '../../../shared/i18n/fill-text.js';
import { dayText } from './dates.js';
import type { AdminCall } from './use-admin-call.js';
import { usePages } from './use-pages.js';
import { VirtualList } from './VirtualList.js';
import { DateField } from '../components/DateField.js';

const PAGE = 50;

/** Whose the card is, in words: "of Елена Иванова (withdrawn)", or that nobody holds it here. */
function holderText(attempt: RefusedAttempt, language: string): string {
  const x = consoleTexts(language);
  const { holder } = attempt;
  if (!holder) return x.holderNobody;
  const whose = fillText(holder.kind === 'staff' ? x.holderStaff : x.holderCompanion, { name: `${holder.firstName} ${holder.lastName}`.trim() });
  return holder.withdrawn ? `${whose} · ${x.holderWithdrawn}` : whose;
}

export function RefusedRow({ attempt }: { attempt: RefusedAttempt }) {
  const { t, i18n } = useTranslation();
  const reasons = 'admin.refused.reasons';
  const known = t(`${reasons}.${attempt.reason}` as `${typeof reasons}.other`, { defaultValue: '' });
  return (
    <article className="log-entry refused-entry" data-testid="refused-entry">
      <div className="log-when">
        <span className="log-time">{attempt.at}</span>
        <span className="log-day">{dayText(attempt.occurredAt.slice(0, 10))}</span>
      </div>
      <div className="log-what">
        <div className="log-line">
          <strong>{known === '' ? t('admin.refused.reasons.other') : known}</strong>
          <span className={`log-method method-${attempt.method}`}>{t(`admin.log.methods.${attempt.method}`)}</span>
          {attempt.count > 1 && (
            <span className="refused-repeated" data-testid="refused-repeated">
              {t('admin.refused.repeated', { count: attempt.count, time: hhmmOf(attempt.lastAt) })}
            </span>
          )}
        </div>
        {attempt.card !== null ? (
          <div className="log-line log-presented" data-testid="refused-card">
            {fillText(consoleTexts(i18n.language).refusedCard, { card: attempt.card })} · <span data-testid="refused-holder">{holderText(attempt, i18n.language)}</span>
          </div>
        ) : attempt.presented !== '' && (
          <div className="log-line log-presented">
            {/* Escaped again here: a control or bidi character must never steer what the admin sees. */}
            {t('admin.refused.presented')}: <code>{visibleText(attempt.presented)}</code>
          </div>
        )}
      </div>
    </article>
  );
}

export function RefusedPage({ call }: { call: AdminCall }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RefusedFilter>({});
  const load = useCallback(
    async (cursor: LogCursor | null) => {
      const result = await call('adminRefused', { filter, cursor, limit: PAGE });
      return result.ok ? { ok: true as const, value: { items: result.value.attempts, nextCursor: result.value.nextCursor } } : result;
    },
    [call, filter],
  );
  const pages = usePages<RefusedAttempt>(load);
  const set = (change: Partial<RefusedFilter>) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...change }).filter(([, v]) => v !== undefined && v !== '')));
  return (
    <div className="admin-page">
      <div className="log-filters">
        <label className="admin-field">
          {t('admin.log.from')}
          <DateField testId="refused-from" value={filter.from ?? ''} onChange={(day) => set({ from: day || undefined })} />
        </label>
        <label className="admin-field">
          {t('admin.log.to')}
          <DateField testId="refused-to" value={filter.to ?? ''} onChange={(day) => set({ to: day || undefined })} />
        </label>
        <label className="admin-field">
          {t('admin.log.method')}
          <select value={filter.method ?? ''} onChange={(e) => set({ method: (e.target.value || undefined) as RefusedFilter['method'] })}>
            <option value="">{t('admin.log.any')}</option>
            <option value="rfid">{t('admin.log.methods.rfid')}</option>
            <option value="qr">{t('admin.log.methods.qr')}</option>
          </select>
        </label>
      </div>
      <VirtualList
        testId="refused-list"
        items={pages.items}
        more={pages.more}
        loadMore={pages.loadMore}
        estimate={64}
        rowKey={(a) => a.id}
        renderRow={(attempt) => <RefusedRow attempt={attempt} />}
        footer={<p className="admin-list-end">{pages.loading ? t('admin.log.loading') : pages.items.length === 0 ? t('admin.refused.empty') : pages.more ? '' : t('admin.log.end')}</p>}
      />
    </div>
  );
}
