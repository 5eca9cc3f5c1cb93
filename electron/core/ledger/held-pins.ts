// The PINs staff_pins holds, as bodies of the staff-pin register (docs/peers.md §6). Read by two folders that may not
// import each other: the backfill restating them (staff/backfill.ts) and a joiner voiding its own before it dials
// (peers/pairing-pins.ts); both stand on ledger/, so the row, its query and its reading live here once.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { StaffPinBodySchema } from '../../../shared/peers/peer-record.js';

type StaffPinBody = z.infer<typeof StaffPinBodySchema>;

interface PinRow {
  staff_id: string;
  hash: Buffer;
  salt: Buffer;
  params: string;
  set_at: string;
}

/** scrypt's parameters as staff_pins keeps them ("scrypt:N=…,r=…,p=…", staff/pin-hash.ts) and as a record carries them. */
export function pinParamsOf(text: string): StaffPinBody['params'] | null {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/.exec(text);
  return match ? { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) } : null;
}

/**
 * Each PIN held, by account, as a record would state it; who set it is not in the row (null). A hash of parameters
 * this version cannot name is left out: no record can carry it, and its member sets a PIN again where it is needed.
 */
export function heldPinBodies(db: Database): StaffPinBody[] {
  const rows = db.prepare<[], PinRow>('SELECT staff_id, hash, salt, params, set_at FROM staff_pins ORDER BY staff_id').all();
  const bodies: StaffPinBody[] = [];
  for (const row of rows) {
    const params = pinParamsOf(row.params);
    if (params !== null) bodies.push({ staffId: row.staff_id, hash: row.hash.toString('base64url'), salt: row.salt.toString('base64url'), params, setAt: row.set_at, setBy: null });
  }
  return bodies;
}
