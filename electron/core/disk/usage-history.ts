// The data folder's growth as observed: one sample of its size an hour, kept 30 days in a small file beside the
// records (disk-usage.json), so the rate survives restarts. The rate is the growth from the oldest kept sample to the
// newest, per day, once at least a day lies between them; copies and logs pruned along the way make it an average.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write.js';

export const SAMPLE_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const KEEP_MS = 30 * DAY_MS;
const MAX_SAMPLES = 800;
/** A folder walk stops here: the data folder holds a few hundred files (copies, logs), never this many. */
const MAX_ENTRIES = 20_000;

const SamplesSchema = z.array(z.object({ ms: z.number().int(), bytes: z.number().int().nonnegative() }).strict()).max(MAX_SAMPLES);
export type UsageSample = z.infer<typeof SamplesSchema>[number];

export const USAGE_FILE = 'disk-usage.json';

/** Bytes held by the files in `dir` and the folders below it (the records, copies, logs and exports). */
export function folderBytes(dir: string): number {
  let total = 0;
  let seen = 0;
  const walk = (folder: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < 3) walk(path, depth + 1);
      } else if (entry.isFile()) {
        try {
          total += statSync(path).size;
        } catch {
          // Removed meanwhile (a pruned copy, a rotated log): not part of the folder any more.
        }
      }
    }
  };
  walk(dir, 0);
  return total;
}

export class UsageHistory {
  private samples: UsageSample[];

  constructor(
    private readonly dataDir: string,
    private readonly log: (line: string) => void,
  ) {
    this.samples = this.load();
  }

  /** Adds a sample when the newest is an hour old (or none is kept); writes the file. */
  sample(nowMs: number, measure: () => number): void {
    const newest = this.samples.at(-1);
    if (newest && nowMs - newest.ms < SAMPLE_EVERY_MS && nowMs >= newest.ms) return;
    // A clock set back leaves samples "from the future": start again rather than compute a rate from them.
    const kept = this.samples.filter((s) => s.ms <= nowMs && nowMs - s.ms <= KEEP_MS);
    this.samples = [...kept, { ms: nowMs, bytes: measure() }].slice(-MAX_SAMPLES);
    try {
      writeFileAtomic(join(this.dataDir, USAGE_FILE), JSON.stringify(this.samples));
    } catch (error) {
      // A full or read-only disk: the samples stay in memory and the file is written with the next one.
      this.log(`[disk] the usage history cannot be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Growth per day from the oldest kept sample to the newest; null until a day lies between them. Never negative. */
  growthPerDay(): number | null {
    const oldest = this.samples[0];
    const newest = this.samples.at(-1);
    if (!oldest || !newest || newest.ms - oldest.ms < DAY_MS) return null;
    return Math.max(0, ((newest.bytes - oldest.bytes) / (newest.ms - oldest.ms)) * DAY_MS);
  }

  private load(): UsageSample[] {
    let text: string;
    try {
      text = readFileSync(join(this.dataDir, USAGE_FILE), 'utf8');
    } catch {
      return [];
    }
    try {
      return SamplesSchema.parse(JSON.parse(text));
    } catch (error) {
      this.log(`[disk] DISK_USAGE_INVALID: ${USAGE_FILE} is not a usage history, starting a new one (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`);
      return [];
    }
  }
}
