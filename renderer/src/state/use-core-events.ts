// What the core pushes besides its status: what it made of a card an HID reader read (into the check-in flow), HID
// cards that belong to the staff screens, the readers' states, the standing staff alerts and how many kept alerts wait
// (the door shows only a count: state/door-alerts.ts).
import { useEffect, useEffectEvent, useState } from 'react';
import type { KioskApi, ReaderState, ScanOutcome, StaffAlert } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { withAlert, withoutAlert } from './alert-list.js';
import type { Credential } from './credential.js';

export interface CoreEvents {
  readers: readonly ReaderState[];
  /** The alerts that stand while their condition lasts (closing time, the disk). */
  alerts: readonly StaffAlert[];
  /** How many kept alerts (a refused pick-up, the clock) wait for a staff member. */
  kept: number;
}

export interface HidCardHandlers {
  /** The core's answer to an HID card at the door: an offer, a receipt or a refusal (never sent back to identify). */
  onIdentified: (outcome: Result<ScanOutcome>) => void;
  /** An HID card for the staff screens (a staff card, or any card while someone is signed in). */
  onStaffCard: (card: Extract<Credential, { kind: 'card' }>) => void;
}

export function useCoreEvents(api: KioskApi, hid: HidCardHandlers, ready: boolean): CoreEvents {
  const [readers, setReaders] = useState<readonly ReaderState[]>([]);
  const [alerts, setAlerts] = useState<readonly StaffAlert[]>([]);
  const [kept, setKept] = useState(0);
  // Like a typed card: not while the database screen (or the first connect) is up.
  const cardRead = useEffectEvent((raw: string, source: Extract<Credential, { kind: 'card' }>['source']) => {
    if (ready) hid.onStaffCard({ kind: 'card', raw, source });
  });
  const cardIdentified = useEffectEvent((outcome: Result<ScanOutcome>) => {
    if (ready) hid.onIdentified(outcome);
  });

  useEffect(() => {
    const off = [
      api.on('cardRead', ({ raw, source }) => {
        cardRead(raw, source);
      }),
      api.on('cardIdentified', (outcome) => {
        cardIdentified(outcome);
      }),
      api.on('readersChanged', ({ readers: next }) => {
        setReaders(next);
      }),
      api.on('staffAlert', (alert) => {
        setAlerts((current) => withAlert(current, alert));
      }),
      // What the alert was about is over (closing time: every child resolved).
      api.on('staffAlertCleared', ({ id }) => {
        setAlerts((current) => withoutAlert(current, id));
      }),
      api.on('keptAlertsChanged', ({ kept: now }) => {
        setKept(now);
      }),
    ];
    return () => {
      for (const unsubscribe of off) unsubscribe();
    };
  }, [api]);

  // States pushed while the UI was not connected are lost: ask for the current ones on every (re)connect.
  useEffect(() => {
    if (!ready) return;
    let current = true;
    void api.call('getReaders', {}).then((result) => {
      if (current && result.ok) setReaders(result.value.readers);
    });
    void api.call('getStaffAlerts', {}).then((result) => {
      if (!current || !result.ok) return;
      setAlerts((shown) => result.value.alerts.reduce(withAlert, shown));
      setKept(result.value.kept);
    });
    return () => {
      current = false;
    };
  }, [api, ready]);

  return { readers, alerts, kept };
}
