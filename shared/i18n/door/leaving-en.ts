// The door's answer to "is the child leaving already?" (a departure soon after the arrival): English, the shape kk and
// ru fill. Apart from the main catalogs, whose typed keys sit at TypeScript's limit.
export interface LeavingTexts {
  yes: string;
  no: string;
  /** Above the tiles when every child on the screen is asked: one tap answers, nothing else to press. */
  onlyAskedHint: string;
  /** Above the tiles when the asked children stand beside others the companion chooses by a tap. */
  mixedHint: string;
}

export const leavingEn: LeavingTexts = {
  yes: 'Yes, leaving',
  no: 'No',
  onlyAskedHint: 'Tap “Yes, leaving” or “No”',
  mixedHint: 'Tap a name to leave that child out; answer the question, then Confirm',
};
