// Records written at a stopped door through the core's own writers, for the catch-up benchmark: arrivals and
// departures of the demo's children on past school days, each through AttendanceLog.append (the event, its outbox row
// and its signed, chained peer-log row in one transaction, as a tap writes them) under the door's own device id and
// device key, the chain anchor moved after each append. The door must not run meanwhile: its chain is one writer's.
import { createPrivateKey } from 'node:crypto';
import { localTimeOn } from '../shared/domain/local-time.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { AttendanceLog } from '../electron/core/ledger/attendance-log.js';
import { ChainAnchor } from '../electron/core/ledger/chain-anchor.js';
import { bindPeerLog, PeerLog } from '../electron/core/ledger/peer-log.js';

/** Events per append (one transaction each, as a busy door's stream of taps would be many small ones). */
const PER_APPEND = 100;

/**
 * Writes `count` attendance records at the door whose data folder is `dataDir`, on school days from `firstDay` on
 * (weekends skipped); answers the day after the last one used, for a later fill to go on from.
 */
export function fillDoor(dataDir: string, deviceId: string, count: number, firstDay: string): string {
  const pem = new FileSecretStore(dataDir, { cipher: null, log: () => undefined }).get('device-key');
  if (pem === null) throw new Error('the door holds no device key');
  const databasePath = `${dataDir}/esik.sqlite`;
  const db = openDatabase(databasePath);
  const anchor = new ChainAnchor(`${databasePath}.anchor`);
  try {
    bindPeerLog(db, new PeerLog(db, deviceId, createPrivateKey(pem), () => Date.now()));
    const events = new AttendanceLog(db, deviceId, {
      anchor,
      written: (error) => {
        if (error !== null) throw new Error(`the chain anchor was not written: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
      },
    });
    const links = db
      .prepare<[], { child_id: string; companion_id: string }>(
        `SELECT child_id, min(companion_id) AS companion_id FROM companion_children
          WHERE may_bring = 1 AND may_collect = 1 AND blocked = 0 GROUP BY child_id ORDER BY child_id`,
      )
      .all();
    if (links.length === 0) throw new Error('no children to record');
    let written = 0;
    let day = new Date(`${firstDay}T00:00:00Z`);
    while (written < count) {
      const weekday = day.getUTCDay();
      if (weekday !== 0 && weekday !== 6) {
        const date = day.toISOString().slice(0, 10);
        for (const [kind, time] of [['arrival', '08:10'], ['departure', '17:40']] as const) {
          for (let from = 0; from < links.length && written < count; from += PER_APPEND) {
            const batch = links.slice(from, Math.min(from + PER_APPEND, from + count - written));
            events.append(
              batch.map((l) => ({ childId: l.child_id, kind, method: 'rfid' as const, companionId: l.companion_id, credentialId: null, staffId: null })),
              localTimeOn(date, time, 'Asia/Almaty'),
            );
            written += batch.length;
          }
        }
      }
      day = new Date(day.getTime() + 86_400_000);
    }
    return day.toISOString().slice(0, 10);
  } finally {
    anchor.close();
    db.close();
  }
}
