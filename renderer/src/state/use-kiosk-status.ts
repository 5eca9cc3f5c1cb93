// The core's status: fetched on (re)connect, kept fresh by statusChanged, and the language applied from it.
import { useCallback, useEffect, useState } from 'react';
import type { KioskApi, KioskStatus } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { safeCall } from '../api/safe-call.js';
import { doorOf } from './door-status.js';
import { setKioskZone } from './kiosk-zone.js';
import { applyLanguage } from '../i18n/i18n.js';
import { setSoundLevel } from '../sound/sounds.js';
import type { Connection } from './connection-store.js';

const STATUS_RETRY_MS = 1000;

export interface KioskStatusControls {
  status: KioskStatus | null;
  /** Takes a status the core returned (e.g. from retryDatabase). */
  receive: (status: KioskStatus) => void;
  chooseLanguage: (language: Language) => void;
}

/** onStatus hears every status too (keep it stable: a new function re-subscribes). */
export function useKioskStatus(api: KioskApi, connected: Connection, onStatus: (status: KioskStatus) => void): KioskStatusControls {
  const [status, setStatus] = useState<KioskStatus | null>(null);

  const receive = useCallback((next: KioskStatus) => {
    // Before the state update, so the screen renders in the new language in one go.
    const door = doorOf(next);
    if (door) {
      setKioskZone(door.timeZone);
      applyLanguage(door.language);
      setSoundLevel(door.sound);
    }
    setStatus(next);
    onStatus(next);
  }, [onStatus]);

  useEffect(() => api.on('statusChanged', receive), [api, receive]);

  // On every (re)connect: events may have been missed while the link was down, or the core restarted.
  useEffect(() => {
    if (connected !== true) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const fetchStatus = (): void => {
      void safeCall(api, 'getStatus', {}).then((result) => {
        if (!live) return;
        if (result.ok) receive(result.value);
        else retry = setTimeout(fetchStatus, STATUS_RETRY_MS);
      });
    };
    fetchStatus();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [api, connected, receive]);

  const chooseLanguage = useCallback(
    (language: Language) => {
      applyLanguage(language);
      setStatus((current) => (current?.state === 'ready' ? { ...current, language } : current));
      // The core stores it and echoes statusChanged; if it cannot, the next status puts the truth back.
      void safeCall(api, 'setLanguage', { language });
    },
    [api],
  );

  return { status, receive, chooseLanguage };
}
