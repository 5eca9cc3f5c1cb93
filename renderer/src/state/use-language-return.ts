// A companion who switched the door to their language is served in it; once the door has stood idle for a minute
// (no touch, no key, no card), it returns to the kindergarten's default language for the next person.
import { useEffect, useEffectEvent } from 'react';
import type { KioskStatus } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';

export const LANGUAGE_RETURN_MS = 60_000;

export function useLanguageReturn(status: KioskStatus | null, idle: boolean, chooseLanguage: (language: Language) => void): void {
  const ready = status?.state === 'ready' ? status : null;
  const away = ready !== null && ready.language !== ready.defaultLanguage;
  const defaultLanguage = ready?.defaultLanguage ?? null;
  const goBack = useEffectEvent(() => {
    if (defaultLanguage !== null) chooseLanguage(defaultLanguage);
  });

  useEffect(() => {
    if (!away || !idle) return;
    let timer = setTimeout(goBack, LANGUAGE_RETURN_MS);
    // Someone still at the door (reading, choosing) keeps their language.
    const stillHere = (): void => {
      clearTimeout(timer);
      timer = setTimeout(goBack, LANGUAGE_RETURN_MS);
    };
    window.addEventListener('pointerdown', stillHere, { capture: true });
    window.addEventListener('keydown', stillHere, { capture: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', stillHere, { capture: true });
      window.removeEventListener('keydown', stillHere, { capture: true });
    };
  }, [away, idle]);
}
