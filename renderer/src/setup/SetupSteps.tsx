// The setup's steps beside the current one, each with whether it is done: any step can be opened again.
import type { SetupStep, SetupView } from '../../../shared/setup/setup-contract.js';
import type { SetupTexts } from '../../../shared/i18n/setup/setup-en.js';

interface Props {
  view: SetupView;
  current: SetupStep;
  texts: SetupTexts;
  onOpen: (step: SetupStep) => void;
}

export function SetupSteps({ view, current, texts, onOpen }: Props) {
  return (
    <nav className="setup-steps" aria-label={texts.stepsTitle}>
      <ol>
        {view.steps.map(({ step, done }) => (
          <li key={step}>
            <button type="button" data-testid={`setup-step-${step}`} data-done={done} aria-current={step === current ? 'step' : undefined} onClick={() => onOpen(step)}>
              {texts.steps[step]} <span className="setup-step-state">{done ? `✓ ${texts.done}` : texts.notDone}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
