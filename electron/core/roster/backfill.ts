// The roster folder's part of the one-time backfill (docs/peers.md §9 "Backfill, once"; peers/backfill.ts runs it).
// The past first, under the ids the city already holds: every hand edit (roster_changes) and every card change
// (credential_changes) this machine made, as the records it queued. Then, where this machine keeps the roster itself
// (no city roster is pulled here: a kindergarten on its own, the demo), the roster as it stands, as fresh roster-change
// and credential-change records for every group, child, companion, link and card that no record describes yet — the
// demo's seeded roster, a roster imported before hand edits were logged — so a machine that joins holds the same
// children, companions and cards. An enrolled machine's roster is its pull's, and each machine pulls its own (§5).
// Fresh records are peer-log rows only: no outbox row (the city has its roster) and no change-log row (nobody edited).
// Rows are read whole before they are written (.all(), not .iterate()): one connection cannot read and write at once.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { RosterChange } from '../../../shared/domain/roster-change.js';
import {
  CredentialChangeRecordSchema,
  RosterChangeRecordSchema,
  type CredentialChangeRecord,
  type RosterChangeRecord,
} from '../../../shared/sync/protocol.js';
import type { BackfillPiece, BackfillWriter } from '../ledger/backfill-writer.js';
import { cityRosterPulledHere } from './roster-source.js';

interface ChangeLogRow {
  id: string;
  source: RosterChangeRecord['source'];
  body: string;
  staff_id: string;
  occurred_at: string;
  occurred_ms: number;
}

interface CardChangeRow {
  id: string;
  credential_id: string;
  companion_id: string;
  action: 'enrol' | 'revoke';
  kind: 'rfid' | 'qr';
  value: string;
  staff_id: string;
  reason: string | null;
  occurred_at: string;
  occurred_ms: number;
}

/** A past roster edit as it was queued: the outbox's own text while kept, else rebuilt from its row. */
function pastRosterChange(out: BackfillWriter, row: ChangeLogRow): void {
  const queued = out.queuedBody(row.id);
  const rebuilt = RosterChangeRecordSchema.safeParse({
    type: 'roster-change',
    id: row.id,
    deviceId: out.deviceId,
    staffId: row.staff_id,
    source: row.source,
    occurredAt: row.occurred_at,
    occurredMs: row.occurred_ms,
    change: JSON.parse(row.body) as unknown,
  });
  const record = queued !== null ? RosterChangeRecordSchema.safeParse(JSON.parse(queued)) : rebuilt;
  if (!record.success) return;
  out.register({ kind: 'roster-change', body: { change: record.data.change } }, row.id, queued ?? JSON.stringify(record.data));
}

function pastCardChange(out: BackfillWriter, row: CardChangeRow): void {
  const queued = out.queuedBody(row.id);
  const record =
    queued !== null
      ? CredentialChangeRecordSchema.safeParse(JSON.parse(queued))
      : CredentialChangeRecordSchema.safeParse({
          type: 'credential-change',
          id: row.id,
          deviceId: out.deviceId,
          credentialId: row.credential_id,
          companionId: row.companion_id,
          kind: row.kind,
          value: row.value,
          action: row.action,
          staffId: row.staff_id,
          occurredAt: row.occurred_at,
          occurredMs: row.occurred_ms,
          reason: row.reason,
        });
  if (!record.success) return;
  out.register({ kind: 'credential-change', body: record.data }, row.id, queued ?? JSON.stringify(record.data));
}

/** The hand edits and card changes this machine made, in the order it made them. */
export const rosterHistoryBackfill: BackfillPiece = (db, out) => {
  const edits = db.prepare<[], ChangeLogRow>('SELECT id, source, body, staff_id, occurred_at, occurred_ms FROM roster_changes ORDER BY occurred_ms, id');
  for (const row of edits.all()) pastRosterChange(out, row);
  const cards = db.prepare<[], CardChangeRow>(
    `SELECT id, credential_id, companion_id, action, kind, value, staff_id, reason, occurred_at, occurred_ms FROM credential_changes ORDER BY occurred_ms, id`,
  );
  for (const row of cards.all()) pastCardChange(out, row);
};

/**
 * The admin a fresh record names (the city's record says who made a change; the roster as it stands was the
 * kindergarten's, so its first admin): an active admin, else any member; null when the kiosk has no staff at all.
 */
function namedAdmin(db: Database): string | null {
  return db.prepare<[], { id: string }>("SELECT id FROM staff ORDER BY role = 'admin' DESC, active DESC, id LIMIT 1").get()?.id ?? null;
}

/** The roster and its cards as they stand, where this machine keeps them itself. */
export const rosterStateBackfill: BackfillPiece = (db, out) => {
  if (cityRosterPulledHere(db)) return;
  const staffId = namedAdmin(db);
  if (staffId === null) return;
  /** One entity's steps (a child's periods: joined, left, joined again), restated only where it has no record yet. */
  const entity = (steps: RosterChange[]): void => {
    const first = steps[0];
    if (first !== undefined && out.unwritten({ kind: 'roster-change', body: { change: first } })) for (const step of steps) change(step);
  };
  const change = (c: RosterChange): void => {
    const record = RosterChangeRecordSchema.safeParse({
      type: 'roster-change',
      id: uuidv7(),
      deviceId: out.deviceId,
      staffId,
      source: 'console',
      occurredAt: out.at.iso,
      occurredMs: out.at.ms,
      change: c,
    });
    // A row this version's schema refuses (a name too long) is not restated: another machine would refuse the page.
    if (record.success) out.register({ kind: 'roster-change', body: { change: record.data.change } }, record.data.id, JSON.stringify(record.data));
  };

  const groups = db.prepare<[], { id: string; name: string; sort_order: number; active: number }>('SELECT id, name, sort_order, active FROM groups ORDER BY sort_order, id').all();
  for (const g of groups) entity([{ kind: 'group', group: { id: g.id, name: g.name, sortOrder: g.sort_order } }]);

  // Each period a child was enrolled, in order: joined (from its first day, or "since before the kiosk knew"), left.
  const periods = db.prepare<[string], { from_day: string | null; until_day: string | null }>('SELECT from_day, until_day FROM child_enrolments WHERE child_id = ? ORDER BY id');
  for (const c of db.prepare<[], { id: string; group_id: string; first_name: string; last_name: string; active: number }>('SELECT id, group_id, first_name, last_name, active FROM children ORDER BY id').all()) {
    const child = { id: c.id, groupId: c.group_id, firstName: c.first_name, lastName: c.last_name };
    const steps: RosterChange[] = [];
    for (const p of periods.all(c.id)) {
      steps.push(p.from_day === null ? { kind: 'child', child } : { kind: 'child', child, joinedOn: p.from_day });
      if (p.until_day !== null) steps.push({ kind: 'child-left', childId: c.id, lastDay: p.until_day });
    }
    entity(steps.length > 0 ? steps : [{ kind: 'child', child }]);
  }

  for (const c of db.prepare<[], { id: string; first_name: string; last_name: string; relation: string; active: number }>('SELECT id, first_name, last_name, relation, active FROM companions ORDER BY id').all()) {
    const parsed = RosterChangeRecordSchema.shape.change.safeParse({ kind: 'companion', companion: { id: c.id, firstName: c.first_name, lastName: c.last_name, relation: c.relation } });
    if (!parsed.success) continue;
    entity(c.active === 0 ? [parsed.data, { kind: 'companion-removed', companionId: c.id }] : [parsed.data]);
  }

  const links = db.prepare<[], { companion_id: string; child_id: string; may_bring: number; may_collect: number; blocked: number }>(
    'SELECT companion_id, child_id, may_bring, may_collect, blocked FROM companion_children ORDER BY companion_id, child_id',
  );
  for (const l of links.all()) {
    entity([{ kind: 'link', link: { companionId: l.companion_id, childId: l.child_id, mayBring: l.may_bring === 1, mayCollect: l.may_collect === 1, blocked: l.blocked === 1 } }]);
  }
  // A group closes only once no child is in it: after the children.
  // (A group restated above is this backfill's own record, so its closing passes as the group's next step.)
  for (const g of groups) if (g.active === 0 && !out.unwritten({ kind: 'roster-change', body: { change: { kind: 'group-closed', groupId: g.id } } })) change({ kind: 'group-closed', groupId: g.id });

  const cards = db.prepare<[], { id: string; companion_id: string; kind: 'rfid' | 'qr'; value: string; revoked_at: string | null }>(
    'SELECT id, companion_id, kind, value, revoked_at FROM credentials ORDER BY id',
  );
  for (const card of cards.all()) {
    const enrol: CredentialChangeRecord = {
      type: 'credential-change',
      id: uuidv7(),
      deviceId: out.deviceId,
      credentialId: card.id,
      companionId: card.companion_id,
      kind: card.kind,
      value: card.value,
      action: 'enrol',
      staffId,
      occurredAt: out.at.iso,
      occurredMs: out.at.ms,
      reason: null,
    };
    if (!out.unwritten({ kind: 'credential-change', body: enrol })) continue;
    const revokedMs = card.revoked_at === null ? Number.NaN : Date.parse(card.revoked_at);
    // A revoked card is revoked at the time it was, where its row says so in a form the record takes.
    const revokedAt = Number.isFinite(revokedMs) ? { occurredAt: card.revoked_at ?? out.at.iso, occurredMs: revokedMs } : {};
    const steps = card.revoked_at === null ? [enrol] : [enrol, { ...enrol, ...revokedAt, id: uuidv7(), action: 'revoke' as const, reason: 'revoked' }];
    for (const step of steps) {
      const record = CredentialChangeRecordSchema.safeParse(step);
      if (record.success) out.register({ kind: 'credential-change', body: record.data }, record.data.id, JSON.stringify(record.data));
    }
  }
};
