// When free space is low enough to warn the admins, long before the door runs out of room. Three terms, the largest
// wins, so the threshold scales with both the disk and the kindergarten:
// - a cushion of 1 GiB (a quarter of the disk on a disk smaller than 4 GiB, or the warning would never clear there):
//   room for a few verified copies of a typical database and the logs, whatever the rate says;
// - 10 % of the disk, at most 10 GiB: file systems slow down and fragment when nearly full, and other programs on the
//   same disk (updates, a browser cache) grow without the kiosk seeing it;
// - 30 days of the data folder's own growth at the rate observed (records, copies, logs): a month for someone to come.

const GIB = 1024 ** 3;
export const CUSHION_BYTES = GIB;
export const SHARE_OF_DISK = 0.1;
export const SHARE_CAP_BYTES = 10 * GIB;
export const RUNWAY_DAYS = 30;
/** The warning clears only once free space is this much above the threshold, so it does not flap at the edge. */
export const CLEAR_MARGIN = 1.1;

export interface ThresholdInput {
  /** The file system's size in bytes. */
  totalBytes: number;
  /** The data folder's growth per day as observed; null while too little history is kept to tell. */
  growthBytesPerDay: number | null;
}

/** Free bytes below which the admins are warned. */
export function warnBelowBytes({ totalBytes, growthBytesPerDay }: ThresholdInput): number {
  const cushion = Math.min(CUSHION_BYTES, totalBytes / 4);
  const share = Math.min(totalBytes * SHARE_OF_DISK, SHARE_CAP_BYTES);
  const runway = Math.max(0, growthBytesPerDay ?? 0) * RUNWAY_DAYS;
  return Math.round(Math.max(cushion, share, runway));
}

/** Whether the warning should stand now, given whether it stood before (it clears only past the margin). */
export function lowOnSpace(freeBytes: number, warnBelow: number, wasLow: boolean): boolean {
  return wasLow ? freeBytes < warnBelow * CLEAR_MARGIN : freeBytes < warnBelow;
}
