// A kindergarten with a million attendance events for the admin benchmarks: 12 groups × 30 children, about six
// years of school days (arrivals and departures, cards, QR codes, overrides with reasons, a few corrections,
// absences with reasons, refused attempts, the recent events in the sync outbox). The events are real chained
// events (hashes and all), written in one transaction with prepared statements, into a file kept in the temp folder
// across runs: generating it takes about a minute.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { toLocalTime } from '../shared/domain/local-time.js';
import { groupNames, kazakhBoys, kazakhGirls, kazakhSurnames, russianBoys, russianGirls, russianSurnames, adultNames } from '../electron/core/demo/names.js';
import { migrate } from '../electron/core/db/migrate.js';
import { migrations } from '../electron/core/db/migrations/index.js';
import { eventHash, GENESIS_HASH, type ChainedFields } from '../electron/core/ledger/event-chain.js';

export const FIXTURE = {
  events: 1_000_000,
  groups: 12,
  childrenPerGroup: 30,
  deviceId: 'bench-kiosk',
  firstDay: '2021-01-04',
  /** Events this recent are still in the sync outbox (the last 1000 pending, a few rejected, the rest sent). */
  outboxTail: 20_000,
  pendingTail: 1_000,
};

/** Bump when the generated data changes: a cached file of another version is generated anew. */
const GENERATOR_VERSION = 2;

/** A short hash of the schema the migrations make today: a cached file of another schema is generated anew. */
function schemaTag(): string {
  const db = new BetterSqlite3(':memory:');
  try {
    migrate(db, migrations);
    const sql = db.prepare<[], { sql: string | null }>('SELECT sql FROM sqlite_master ORDER BY name').all().map((r) => r.sql ?? '').join('\n');
    return createHash('sha256').update(sql).digest('hex').slice(0, 12);
  } finally {
    db.close();
  }
}

export interface AdminFixture {
  path: string;
  /** The last month with events, complete ("YYYY-MM"), and the last day with events. */
  fullMonth: string;
  lastDay: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const OFFSET = 300;
const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Local Almaty wall time of a day plus minutes after midnight, as the kiosk records it. */
function localAt(date: string, minutes: number, random: () => number) {
  const ms = Date.parse(`${date}T00:00:00Z`) - OFFSET * 60_000 + minutes * 60_000 + Math.floor(random() * 60_000);
  return toLocalTime(new Date(ms), OFFSET);
}

function seedRoster(db: Database, random: () => number): { children: string[]; companionsOf: Map<string, string[]>; staff: string[] } {
  db.prepare("INSERT INTO kindergarten (id, name, demo) VALUES ('kg-bench', 'Айгөлек', 0)").run();
  const staff = ['bench-admin', 'bench-s1', 'bench-s2', 'bench-s3'];
  const staffRow = db.prepare('INSERT INTO staff (id, first_name, last_name, role) VALUES (?, ?, ?, ?)');
  staff.forEach((id, i) => staffRow.run(id, pick(random, adultNames.kazakh.mother), pick(random, kazakhSurnames) + 'а', i === 0 ? 'admin' : 'staff'));
  const children: string[] = [];
  const companionsOf = new Map<string, string[]>();
  const group = db.prepare('INSERT INTO groups (id, name, sort_order) VALUES (?, ?, ?)');
  const child = db.prepare('INSERT INTO children (id, group_id, first_name, last_name) VALUES (?, ?, ?, ?)');
  const companion = db.prepare('INSERT INTO companions (id, first_name, last_name, relation) VALUES (?, ?, ?, ?)');
  const link = db.prepare('INSERT INTO companion_children (companion_id, child_id) VALUES (?, ?)');
  for (let g = 0; g < FIXTURE.groups; g++) {
    const groupId = `bg${String(g + 1).padStart(2, '0')}`;
    group.run(groupId, groupNames[g] ?? `Топ ${g + 1}`, g);
    for (let c = 0; c < FIXTURE.childrenPerGroup; c++) {
      const id = `bc${String(children.length + 1).padStart(4, '0')}`;
      const kazakh = random() < 0.7;
      const girl = random() < 0.5;
      const first = pick(random, kazakh ? (girl ? kazakhGirls : kazakhBoys) : girl ? russianGirls : russianBoys);
      const surname = pick(random, kazakh ? kazakhSurnames : russianSurnames);
      child.run(id, groupId, first, girl ? `${surname}а` : surname);
      const parents: string[] = [];
      for (const relation of random() < 0.5 ? (['mother', 'father'] as const) : (['mother', 'grandmother'] as const)) {
        const pid = `bp${id.slice(2)}${relation[0]}`;
        const pool = adultNames.kazakh[relation] as readonly string[];
        companion.run(pid, pick(random, pool), relation === 'father' ? surname : `${surname}а`, relation);
        link.run(pid, id);
        parents.push(pid);
      }
      children.push(id);
      companionsOf.set(id, parents);
    }
  }
  return { children, companionsOf, staff };
}

function generate(path: string): void {
  const random = mulberry32(20261223);
  const db = new BetterSqlite3(path);
  // Generation only: the file is thrown away if this fails half-way, so no journal is needed.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.transaction(() => {
    const roster = seedRoster(db, random);
    db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(FIXTURE.deviceId, '2021-01-01T00:00:00.000+05:00');
    const event = db.prepare(
      `INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, companion_id, credential_id, staff_id,
         occurred_at, occurred_ms, local_date, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
    );
    const reason = db.prepare('INSERT INTO override_reasons (event_id, reason, note, companion_id) VALUES (?, ?, ?, ?)');
    const absence = db.prepare(
      `INSERT INTO absences (id, child_id, first_date, last_date, reason, note, staff_id, recorded_at, recorded_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const correction = db.prepare('INSERT INTO corrections (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const refused = db.prepare('INSERT INTO refused_attempts (id, occurred_at, occurred_ms, method, presented, reason) VALUES (?, ?, ?, ?, ?, ?)');
    let seq = 0;
    let prev = GENESIS_HASH;
    const ids: string[] = [];
    for (let day = FIXTURE.firstDay; seq < FIXTURE.events; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const todays: { minutes: number; childId: string; kind: 'arrival' | 'departure' }[] = [];
      for (const childId of roster.children) {
        if (random() < 0.1) {
          if (random() < 0.6) {
            const at = localAt(day, 9 * 60, random);
            const why = pick(random, ['sick', 'sick', 'family', 'vacation', 'other'] as const);
            absence.run(uuidv7({ msecs: at.ms }), childId, day, day, why, why === 'other' ? 'к врачу' : null, pick(random, roster.staff), at.iso, at.ms);
          }
          continue;
        }
        todays.push({ minutes: 450 + Math.floor(random() * 90), childId, kind: 'arrival' });
        todays.push({ minutes: 1020 + Math.floor(random() * 120), childId, kind: 'departure' });
      }
      todays.sort((a, b) => a.minutes - b.minutes);
      for (const e of todays) {
        if (seq >= FIXTURE.events) break;
        const at = localAt(day, e.minutes, random);
        const roll = random();
        const method = roll < 0.05 ? 'override' : roll < 0.45 ? 'qr' : 'rfid';
        const companionId = pick(random, roster.companionsOf.get(e.childId) ?? []);
        const fields: ChainedFields = {
          id: uuidv7({ msecs: at.ms }),
          device_id: FIXTURE.deviceId,
          device_seq: ++seq,
          child_id: e.childId,
          kind: e.kind,
          method,
          companion_id: companionId,
          credential_id: null,
          staff_id: method === 'override' ? pick(random, roster.staff) : null,
          occurred_at: at.iso,
          occurred_ms: at.ms,
          local_date: at.localDate,
          prev_hash: prev,
        };
        prev = eventHash(fields);
        event.run(fields.id, fields.device_id, seq, fields.child_id, fields.kind, method, companionId, fields.staff_id, at.iso, at.ms, at.localDate, fields.prev_hash, prev);
        if (method === 'override') reason.run(fields.id, pick(random, ['forgot-card', 'no-phone', 'device-broken'] as const), null, companionId);
        if (random() < 0.001) correction.run(uuidv7({ msecs: at.ms + 60_000 }), 'attendance', fields.id, 'bench-admin', 'ошибочная отметка', at.iso, at.ms + 60_000);
        ids.push(fields.id);
      }
      for (let r = 0; r < 5; r++) {
        const at = localAt(day, 450 + Math.floor(random() * 700), random);
        refused.run(uuidv7({ msecs: at.ms }), at.iso, at.ms, random() < 0.5 ? 'rfid' : 'qr', String(Math.floor(random() * 1e7)), pick(random, ['unknown-card', 'revoked-card', 'qr-expired']));
      }
    }
    // The recent events are still in the outbox (older sent rows were pruned).
    // Only the state rows: the log reads a record's state, never its body.
    const outbox = db.prepare("INSERT INTO sync_outbox (record_id, record_type, state, rejected_reason, queued_ms, sent_ms) VALUES (?, 'attendance', ?, ?, 1, ?)");
    const tail = ids.slice(-FIXTURE.outboxTail);
    tail.forEach((id, i) => {
      const pending = i >= tail.length - FIXTURE.pendingTail;
      const rejected = !pending && i % 5000 === 17;
      outbox.run(id, pending ? 'pending' : rejected ? 'rejected' : 'sent', rejected ? 'unknown child' : null, pending || rejected ? null : 2);
    });
  })();
  db.pragma('optimize');
  db.close();
}

/** The cached fixture, generated first when missing. `log` hears progress. */
export function adminFixture(log: (line: string) => void): AdminFixture {
  const dir = join(tmpdir(), `esik-bench-admin-v${GENERATOR_VERSION}-${schemaTag()}`);
  const path = join(dir, 'esik.sqlite');
  const ready = join(dir, 'ready');
  if (!existsSync(ready)) {
    // Fixtures of older schemas or generators are a gigabyte each: only the current one is kept.
    for (const old of readdirSync(tmpdir())) if (old.startsWith('esik-bench-admin-')) rmSync(join(tmpdir(), old), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    log(`[bench] generating ${FIXTURE.events} events into ${path} (once; kept for later runs)`);
    generate(path);
    writeFileSync(ready, new Date().toISOString());
    log(`[bench] generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const last = db.prepare<[], { d: string }>('SELECT max(local_date) AS d FROM attendance_events').get();
    const lastDay = last?.d ?? FIXTURE.firstDay;
    const month = new Date(Date.UTC(Number(lastDay.slice(0, 4)), Number(lastDay.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
    return { path, fullMonth: month, lastDay };
  } finally {
    db.close();
  }
}
