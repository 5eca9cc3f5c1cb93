// One line of the receipt: the child's first name, large, and what was recorded at what time.
import { useTranslation } from 'react-i18next';
import type { ReceiptEntry } from '../../../shared/api/contract.js';
import { ActionBadge } from './ActionBadge.js';
import { ChildName } from './ChildName.js';

export function ReceiptEntryRow({ entry }: { entry: ReceiptEntry }) {
  const { t } = useTranslation();
  return (
    <li className={`receipt-entry entry-${entry.kind}`} data-testid="receipt-entry" data-child-id={entry.childId} data-kind={entry.kind}>
      <ChildName name={entry.firstName} />
      <span className="child-group">{entry.groupName}</span>
      <ActionBadge kind={entry.kind}>{t(`done.${entry.kind}`, { time: entry.at })}</ActionBadge>
    </li>
  );
}
