// The question before something is taken out of service (a child leaving, a companion removed, a group closed): says
// what happens, and its "yes" is drawn as a destructive act, never as the green action the console uses to go ahead.
import type { ReactNode } from 'react';

interface Props {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  /** The act cannot be done now (a group with children in it): the text says why, only "cancel" is offered. */
  blocked?: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Fields the act needs (the last day of a child who leaves). */
  children?: ReactNode;
}

export function ConfirmDanger({ title, text, confirmLabel, cancelLabel, blocked = null, busy, onConfirm, onCancel, children }: Props) {
  return (
    <section role="alertdialog" aria-modal="true" aria-label={title} className="roster-confirm" data-testid="roster-confirm">
      <h3>{title}</h3>
      <p data-testid="roster-confirm-text">{text}</p>
      {blocked !== null && (
        <p className="staff-refusal" role="alert" data-testid="roster-confirm-blocked">
          {blocked}
        </p>
      )}
      {children}
      <div className="staff-row">
        {blocked === null && (
          <button type="button" className="roster-danger" data-testid="roster-confirm-yes" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        )}
        <button type="button" className="staff-back" data-testid="roster-confirm-no" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </section>
  );
}
