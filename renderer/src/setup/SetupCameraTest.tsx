// The camera's live test in the readers step: the door's own viewfinder and decoder (CameraDock, no second one), "show
// any QR code", the text it read shown, and what it found told to the core, which keeps it for the checklist.
import { useCallback, useRef, useState } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import { fill } from '../../../shared/i18n/setup/setup-catalogs.js';
import type { SetupTexts } from '../../../shared/i18n/setup/setup-en.js';
import type { CameraTest, SetupView } from '../../../shared/setup/setup-contract.js';
import { safeCall } from '../api/safe-call.js';
import { CameraDock } from '../camera/CameraDock.js';
import type { CameraProblem } from '../camera/camera-problem.js';

/** A code's text is shown this long at most: a door QR code is a long signed token, and the point is that it was read. */
const SHOWN_CHARS = 60;

interface Props {
  api: KioskApi;
  texts: SetupTexts;
  view: SetupView;
  sessionId: string;
  onView: (view: SetupView) => void;
}

export function SetupCameraTest({ api, texts, view, sessionId, onView }: Props) {
  const [read, setRead] = useState<string | null>(null);
  // What was last told to the core, so a problem repeated by the camera's retries is told once.
  const told = useRef<CameraTest | null>(view.cameraTest);
  const tell = useCallback(
    (outcome: CameraTest) => {
      if (told.current === outcome) return;
      told.current = outcome;
      void safeCall(api, 'setupCameraTest', { sessionId, outcome }).then((result) => {
        if (result.ok) onView(result.value);
      });
    },
    [api, sessionId, onView],
  );
  const onText = useCallback(
    (text: string) => {
      setRead(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);
      tell('working');
    },
    [tell],
  );
  const onProblem = useCallback(
    (problem: CameraProblem | null) => {
      if (problem) tell(problem);
    },
    [tell],
  );

  return (
    <section className="setup-camera" data-testid="setup-camera">
      <p>{texts.readers.showCode}</p>
      <CameraDock deviceId={view.cameraDeviceId} onText={onText} onProblem={onProblem} />
      {read === null ? (
        <p data-testid="setup-camera-waiting">{texts.readers.waitingCode}</p>
      ) : (
        <p className="setup-camera-read" data-testid="setup-camera-read">
          {fill(texts.readers.codeRead, { text: read })}
        </p>
      )}
      <p data-testid="setup-camera-state" data-state={view.cameraTest ?? 'untested'}>
        {texts.checklist.cameraStates[view.cameraTest ?? 'untested']}
      </p>
    </section>
  );
}
