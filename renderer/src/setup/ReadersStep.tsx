// The live reader test: "tap any card" shows the number as the kiosk stores it and how it was read; the core keeps the
// last one as the step's proof. On the door's setup the cards come from setup-cards.ts (keyboard-mode readers, and HID
// ones the core hands over while the setup is up); in the console, from the staff screens' card capture.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { fill } from '../../../shared/i18n/setup/setup-catalogs.js';
import type { SetupTexts } from '../../../shared/i18n/setup/setup-en.js';
import type { ReaderTest, SetupView } from '../../../shared/setup/setup-contract.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import { safeCall } from '../api/safe-call.js';
import { useCardCapture } from '../staff/card-capture.js';
import { listenForSetupCards } from './setup-cards.js';
import { SetupCameraTest } from './SetupCameraTest.js';

interface Props {
  api: KioskApi;
  texts: SetupTexts;
  view: SetupView;
  sessionId: string;
  onTested: () => void;
  onView: (view: SetupView) => void;
}

export function ReadersStep({ api, texts, view, sessionId, onTested, onView }: Props) {
  const { t } = useTranslation();
  const [test, setTest] = useState<ReaderTest | null>(view.readerTest);
  const [error, setError] = useState<string | null>(null);

  const tested = useCallback(
    (raw: string, source: CardSource) => {
      void safeCall(api, 'setupReaderTest', { sessionId, raw, source }).then((result) => {
        if (!result.ok) return setError(t(`errors.${result.error.code}`));
        setError(null);
        setTest(result.value);
        onTested();
      });
    },
    [api, sessionId, onTested, t],
  );
  useEffect(() => listenForSetupCards(tested), [tested]);
  useCardCapture(true, (card) => tested(card.raw, card.source));

  return (
    <div data-testid="setup-readers">
      <p>{texts.readers.prompt}</p>
      {test ? (
        <div data-testid="setup-reader-test">
          <p className="setup-card-number" data-testid="setup-reader-number">
            {fill(texts.readers.read, { number: test.canonical })}
          </p>
          <p data-testid="setup-reader-kind">{texts.readers.kinds[test.kind]}</p>
          <p data-testid="setup-reader-source">{texts.readers.sources[test.source]}</p>
          {test.readerFormat !== 'canonical' && <p data-testid="setup-reader-format">{fill(texts.readers.format, { format: test.readerFormat })}</p>}
          {test.partial && <p>{texts.readers.partial}</p>}
        </div>
      ) : (
        <p data-testid="setup-reader-waiting">{texts.readers.waiting}</p>
      )}
      {error && <p className="staff-refusal" role="alert">{error}</p>}
      <p>{fill(texts.readers.hidReaders, { count: view.hidReaders })}</p>
      <SetupCameraTest api={api} texts={texts} view={view} sessionId={sessionId} onView={onView} />
      <p>{texts.readers.camera}</p>
    </div>
  );
}
