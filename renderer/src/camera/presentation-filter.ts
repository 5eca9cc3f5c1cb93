// One result per presentation: the camera reports a code on every decoded frame that holds it, so a text is taken again
// only after it has been out of view for a while. Kept per text: two codes in view at once (two phones) alternate
// frame by frame, and neither may count again while both stay there.

export class PresentationFilter {
  private readonly lastSeenMs = new Map<string, number>();

  /** absentMs: how long a code must be out of view before showing it again counts as a new presentation. */
  constructor(private readonly absentMs = 1500) {}

  /** A frame held this text at nowMs: true when this is a new presentation. */
  accept(text: string, nowMs: number): boolean {
    this.forgetOlderThan(nowMs);
    const isNew = !this.lastSeenMs.has(text);
    this.lastSeenMs.set(text, nowMs);
    return isNew;
  }

  /** Codes out of view long enough are forgotten (which also keeps the map to the codes in view). A camera restart
   * does not clear it: a code held through the restart is not taken twice. */
  private forgetOlderThan(nowMs: number): void {
    for (const [text, seenMs] of this.lastSeenMs) {
      if (nowMs - seenMs >= this.absentMs) this.lastSeenMs.delete(text);
    }
  }
}
