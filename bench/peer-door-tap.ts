// A tap at a door of the peer benchmarks through the door's own path over the kiosk API: identifyCard, then
// confirmOffer when the door asks (every child the companion may take, a yes to any "is she leaving?"), as the door's
// screen does. Cards go round in turn, each left at least the repeat window between two taps, so every tap records.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Machine } from '../integration/peers/support/machine.js';

/** Longer than the door's repeat window (10 s): a card tapped again sooner answers "already recorded". */
const CARD_REST_MS = 11_000;

export class DoorTaps {
  private next = 0;
  private readonly lastMs = new Map<string, number>();

  constructor(
    private readonly machine: Machine,
    private readonly cards: readonly string[],
  ) {
    if (cards.length === 0) throw new Error('no cards to tap');
  }

  /** Waits until the next card has rested (so the timed part is only the tap), then answers it. */
  async nextCard(): Promise<string> {
    const card = this.cards[this.next % this.cards.length] as string;
    this.next += 1;
    const rested = performance.now() - (this.lastMs.get(card) ?? -Infinity);
    if (rested < CARD_REST_MS) await sleep(CARD_REST_MS - rested);
    return card;
  }

  /** One tap, recorded or confirmed; the number of events it recorded. Anything else fails the run. */
  async tap(card: string): Promise<number> {
    this.lastMs.set(card, performance.now());
    const reply = await this.machine.call('identifyCard', { raw: card, source: 'keyboard-wedge' });
    if (!reply.ok) throw new Error(`${this.machine.name}: tap ${card} refused: ${JSON.stringify(reply.error)}`);
    const outcome = reply.value;
    if (outcome.kind === 'recorded') return outcome.receipt.entries.length;
    if (outcome.kind === 'repeat') throw new Error(`${this.machine.name}: tap ${card} was a repeat`);
    const childIds = outcome.children.filter((c) => c.allowed).map((c) => c.id);
    const leavingNow = outcome.questions.flatMap((q) => (q.kind === 'leaving-soon-after-arrival' ? [q.childId] : []));
    const confirmed = await this.machine.call('confirmOffer', { offerId: outcome.offerId, childIds, answers: { leavingNow } });
    if (!confirmed.ok) throw new Error(`${this.machine.name}: offer for ${card} refused: ${JSON.stringify(confirmed.error)}`);
    return confirmed.value.entries.length;
  }
}
