// The console's "Setup" tab: the first-run steps opened again by the signed-in admin (the page is SetupScreen with
// the admin's session). Its words are the setup's own catalog, so the console's tab list needs no new key.
import { useTranslation } from 'react-i18next';
import { setupTexts } from '../../../shared/i18n/setup/setup-catalogs.js';

interface Props {
  selected: boolean;
  onOpen: () => void;
}

export function SetupConsoleTab({ selected, onOpen }: Props) {
  const { i18n } = useTranslation();
  return (
    <button type="button" role="tab" aria-selected={selected} className="admin-tab" data-testid="admin-tab-setup" onClick={onOpen}>
      {setupTexts(i18n.language).console.open}
    </button>
  );
}
