// Card readers that are disconnected or failing, in small print for staff; nothing at all while all is well.
import { useTranslation } from 'react-i18next';
import type { ReaderState } from '../../../shared/api/contract.js';

export function ReaderProblems({ readers }: { readers: readonly ReaderState[] }) {
  const { t } = useTranslation();
  const problems = readers.filter((r) => r.state !== 'connected');
  if (problems.length === 0) return null;
  return (
    <ul className="reader-problems" data-testid="reader-problems" role="status">
      {problems.map((reader) => (
        <li key={reader.id} data-testid="reader-problem" data-reader-id={reader.id} data-state={reader.state}>
          {reader.state === 'error'
            ? t('readers.error', { name: reader.name, detail: reader.detail ?? '' })
            : t('readers.disconnected', { name: reader.name })}
        </li>
      ))}
    </ul>
  );
}
