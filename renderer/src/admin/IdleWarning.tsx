// The console's last seconds before it signs out by itself: a dialog over the page with the seconds left and a button
// to stay. Any touch stays too; the button also tells the core the session is in use.
import { consoleTexts } from '../../../shared/i18n/admin/console-catalogs.js';
import { fillText } from '../../../shared/i18n/fill-text.js';

export function IdleWarning({ language, secondsLeft, onStay }: { language: string; secondsLeft: number; onStay: () => void }) {
  const x = consoleTexts(language);
  return (
    <div className="admin-idle-backdrop">
      <section className="admin-idle-warning" role="alertdialog" aria-labelledby="admin-idle-title" data-testid="admin-idle-warning">
        <h2 id="admin-idle-title">{x.idleTitle}</h2>
        <p data-testid="admin-idle-seconds">{fillText(x.idleText, { seconds: secondsLeft })}</p>
        <button type="button" className="staff-primary" data-testid="admin-idle-stay" onClick={onStay}>
          {x.idleStay}
        </button>
      </section>
    </div>
  );
}
