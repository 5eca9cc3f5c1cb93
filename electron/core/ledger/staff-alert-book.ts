// The kept staff alerts (migration 0025): a refused pick-up or the clock off the city's is written when it happens,
// so a reload or a restart shows it again, and the same thing again the same day is one alert seen once more (a count
// and the last time), not a second one. Handled by a staff member, in their name and audited, it leaves the open list
// and stays in the records. The door and sync raise them; the staff screens list and handle them.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { KeptAlert } from '../../../shared/staff/staff-alert-contract.js';
import { peerLogOf } from './peer-log.js';
import type { StaffAudit } from './staff-audit.js';

/** The alerts about something that happened (and is over), kept until a person handles them. The others stand while
 * their condition lasts and the core clears them itself (closing time, the disk): they need no row. */
export type KeepableAlert = Extract<StaffAlert, { kind: 'pickup-not-allowed' | 'clock-drift' }>;

export function isKeepable(alert: StaffAlert): alert is KeepableAlert {
  return alert.kind === 'pickup-not-allowed' || alert.kind === 'clock-drift';
}

/** What a sighting stores for the screen: read back through zod, as anything read from disk. */
const BodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pickup-not-allowed'), companionFirstName: z.string(), childFirstNames: z.array(z.string()) }),
  z.object({ kind: z.literal('clock-drift'), driftMinutes: z.number().int() }),
]);
type Body = z.infer<typeof BodySchema>;

interface OpenRow {
  id: string;
  local_date: string;
  first_at: string;
  last_at: string;
  count: number;
  body: string;
}

/** Two alerts are the same when they say the same about the same people on the same day. */
export function dedupKey(alert: KeepableAlert, localDate: string): string {
  if (alert.kind === 'clock-drift') return `clock-drift|${localDate}`;
  const who = alert.companionId ?? `name:${alert.companionFirstName}`;
  const whom = [...(alert.childIds ?? alert.childFirstNames)].sort().join(',');
  return `pickup-not-allowed|${localDate}|${who}|${whom}`;
}

function bodyOf(alert: KeepableAlert): Body {
  return alert.kind === 'clock-drift'
    ? { kind: alert.kind, driftMinutes: alert.driftMinutes }
    : { kind: alert.kind, companionFirstName: alert.companionFirstName, childFirstNames: alert.childFirstNames };
}

// An alert is open while it has no handled row; its first and newest sightings give the times, the newest the words.
const OPEN_SQL = `
  SELECT a.id, a.local_date,
    (SELECT at FROM staff_alert_sightings WHERE alert_id = a.id ORDER BY id LIMIT 1) AS first_at,
    (SELECT at FROM staff_alert_sightings WHERE alert_id = a.id ORDER BY id DESC LIMIT 1) AS last_at,
    (SELECT body FROM staff_alert_sightings WHERE alert_id = a.id ORDER BY id DESC LIMIT 1) AS body,
    (SELECT count(*) FROM staff_alert_sightings WHERE alert_id = a.id) AS count
  FROM staff_alerts a
  WHERE NOT EXISTS (SELECT 1 FROM staff_alert_handled h WHERE h.alert_id = a.id)`;

export class StaffAlertBook {
  constructor(private readonly deps: { db: Database; audit: StaffAudit; changed?: (kept: number) => void }) {}

  /** Writes the alert, or one more sighting of the same open one; tells how many are open now. */
  keep(alert: KeepableAlert, at: LocalTime): void {
    const { db } = this.deps;
    const key = dedupKey(alert, at.localDate);
    db.transaction(() => {
      const open = db
        .prepare<[string], { id: string }>(`SELECT a.id FROM staff_alerts a WHERE a.dedup_key = ? AND NOT EXISTS (SELECT 1 FROM staff_alert_handled h WHERE h.alert_id = a.id)`)
        .get(key);
      const id = open?.id ?? uuidv7();
      if (!open) db.prepare('INSERT INTO staff_alerts (id, kind, dedup_key, local_date, raised_ms) VALUES (?, ?, ?, ?, ?)').run(id, alert.kind, key, at.localDate, at.ms);
      db.prepare('INSERT INTO staff_alert_sightings (alert_id, at, at_ms, body) VALUES (?, ?, ?, ?)').run(id, at.hhmm, at.ms, JSON.stringify(bodyOf(alert)));
    }).immediate();
    this.deps.changed?.(this.openCount());
  }

  /** The open alerts, newest sighting first. */
  open(): KeptAlert[] {
    const rows = this.deps.db.prepare<[], OpenRow & { last_ms: number }>(`SELECT * FROM (${OPEN_SQL}) o ORDER BY (SELECT max(at_ms) FROM staff_alert_sightings WHERE alert_id = o.id) DESC, o.id DESC`).all();
    return rows.map((row) => {
      const seen = { id: row.id, localDate: row.local_date, firstAt: row.first_at, lastAt: row.last_at, count: row.count };
      return { ...seen, ...BodySchema.parse(JSON.parse(row.body)) };
    });
  }

  openCount(): number {
    return this.deps.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM (${OPEN_SQL})`).get()?.n ?? 0;
  }

  /** Handled by `staffId`: attributed and audited in one transaction; handling it again changes nothing. */
  handle(alertId: string, staffId: string, at: LocalTime): Result<Record<string, never>> {
    const { db, audit } = this.deps;
    const alert = db.prepare<[string], { id: string; kind: string }>('SELECT id, kind FROM staff_alerts WHERE id = ?').get(alertId);
    if (!alert) return fail('INVALID_REQUEST', `no staff alert ${alertId}`);
    const handledNow = db.transaction(() => {
      const done = db.prepare('INSERT OR IGNORE INTO staff_alert_handled (alert_id, staff_id, handled_at, handled_ms) VALUES (?, ?, ?, ?)').run(alertId, staffId, at.iso, at.ms);
      if (done.changes === 0) return false;
      // Handled here is handled everywhere (docs/peers.md §6 "kept staff alerts"): a fact the other machines take in.
      const body = { alertId, staffId };
      peerLogOf(db)?.append('staff-alert-handled', uuidv7(), { body: JSON.stringify(body) });
      const sightings = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM staff_alert_sightings WHERE alert_id = ?').get(alertId)?.n ?? 0;
      audit.record('staff-alert-handled', staffId, at, { kind: alert.kind, sightings }, alertId);
      return true;
    }).immediate();
    if (handledNow) this.deps.changed?.(this.openCount());
    return ok({});
  }
}
