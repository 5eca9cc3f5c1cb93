// The first run's "Where does this computer stand?": at the door (the reader, the camera, the door screen) or in the
// office (the console and the staff screens only), each said in a sentence. Once the first run is finished the answer
// is changed on the console's This computer page, with the PIN again (the core refuses it here then).
import type { MachineRoleTexts } from '../../../shared/i18n/setup/machine-role-en.js';
import { MACHINE_ROLES, type MachineRole, type SetupView } from '../../../shared/setup/setup-contract.js';

interface Props {
  view: SetupView;
  texts: MachineRoleTexts;
  onChoose: (role: MachineRole) => void;
}

export function RoleStep({ view, texts, onChoose }: Props) {
  if (view.finished) {
    return (
      <div data-testid="setup-role">
        <p data-testid="setup-role-now">
          <strong>{texts.roles[view.machineRole]}</strong> — {texts.hints[view.machineRole]}
        </p>
        <p className="staff-hint" data-testid="setup-role-fixed">
          {texts.changedElsewhere}
        </p>
      </div>
    );
  }
  const answered = view.steps.some((s) => s.step === 'role' && s.done);
  return (
    <div data-testid="setup-role" className="setup-roles">
      <p>{texts.prompt}</p>
      {MACHINE_ROLES.map((role) => (
        <button key={role} type="button" className="staff-choice setup-role" data-testid={`setup-role-${role}`} aria-pressed={answered && view.machineRole === role} onClick={() => onChoose(role)}>
          <strong>{texts.roles[role]}</strong>
          <span>{texts.hints[role]}</span>
        </button>
      ))}
    </div>
  );
}
