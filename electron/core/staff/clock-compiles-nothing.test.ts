// The staff desk's clock runs every five seconds, day and night, for as long as the kiosk stays up. Once warm it
// compiles no SQL: every statement it compiled was native memory left for V8 to collect minutes later, a saw-tooth of
// about 1.6 MB an idle kiosk's allocator kept the high-water mark of (db/statement-cache.ts). Each phase of the day is
// warmed by one tick (the first tick of a phase may write: the cut-off headcount is taken once), then ticked a minute's
// worth.
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { sqlCompiledDuring } from '../testing/compiled-sql.js';
import { MORNING, staffKit, value } from './testing/staff-kit.js';

/** Monday 23 November 2026 in Almaty (UTC+5): before the cut-off, after it (the headcount taken), after closing time. */
const PHASES = ['2026-11-23T03:30:00.000Z', '2026-11-23T04:05:00.000Z', '2026-11-23T14:05:00.000Z', '2026-11-23T19:00:00.000Z'];

describe("the staff desk's clock", () => {
  it('compiles no SQL once warm: in the morning, after the cut-off headcount, and after closing time with a child still in', () => {
    const kit = staffKit(MORNING);
    value(kit.checkin.identifyCard(demoCards.motherOneChild));
    for (const phase of PHASES) {
      kit.clock.set(phase);
      kit.desk.tick();
      const compiled = sqlCompiledDuring(kit.db, () => {
        for (let i = 0; i < 12; i++) {
          kit.clock.advance(5_000);
          kit.desk.tick();
        }
      });
      expect({ phase, compiled }).toEqual({ phase, compiled: [] });
    }
    // The phases did what they are for: the cut-off headcount was taken, and the child is still in after closing.
    expect(kit.read<{ n: number }>("SELECT count(*) AS n FROM headcounts WHERE trigger = 'cut-off'")).toEqual([{ n: 1 }]);
  });
});
