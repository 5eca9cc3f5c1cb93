// Staff alerts that stand until what they are about is over (closing time with children left, a disk that cannot
// record or is running low), kept from the events that raise and clear them so a screen that connects or reloads shows them at once.
import { kioskEvents, type EventPayload, type KioskEventName, type StaffAlert } from '../../shared/api/contract.js';

export class StandingAlerts {
  private readonly byId = new Map<string, StaffAlert>();

  /** Follows every kiosk event: a standing alert raised is kept, one cleared is dropped. */
  follow<E extends KioskEventName>(event: E, payload: EventPayload<E>): void {
    if (event === 'staffAlert') {
      const alert = kioskEvents.staffAlert.parse(payload);
      if (alert.kind === 'closing-time' || alert.kind === 'cannot-record' || alert.kind === 'disk-low') this.byId.set(alert.id, alert);
    } else if (event === 'staffAlertCleared') {
      this.byId.delete(kioskEvents.staffAlertCleared.parse(payload).id);
    }
  }

  now(): StaffAlert[] {
    return [...this.byId.values()];
  }
}
