// The roster: who the kindergarten's children, companions, credentials and staff are. The city sends it;
// demo mode generates one. Validated with zod wherever it enters the kiosk.
import { z } from 'zod';
import { Id } from './attendance.js';

const Name = z.string().min(1).max(80);

export const RelationSchema = z.enum(['mother', 'father', 'grandmother', 'grandfather', 'nanny', 'aunt', 'uncle', 'other']);
export type Relation = z.infer<typeof RelationSchema>;

export const RosterSchema = z.object({
  kindergarten: z.object({ id: Id, name: Name, demo: z.boolean() }),
  groups: z.array(z.object({ id: Id, name: Name, sortOrder: z.number().int() })),
  children: z.array(z.object({ id: Id, groupId: Id, firstName: Name, lastName: Name })),
  companions: z.array(z.object({ id: Id, firstName: Name, lastName: Name, relation: RelationSchema })),
  links: z.array(
    z.object({ companionId: Id, childId: Id, mayBring: z.boolean(), mayCollect: z.boolean(), blocked: z.boolean() }),
  ),
  credentials: z.array(
    z.object({
      id: Id,
      companionId: Id,
      kind: z.enum(['rfid', 'qr']),
      value: z.string().min(1).max(128),
      version: z.number().int().positive(),
      revokedAt: z.string().nullable(),
    }),
  ),
  staff: z.array(z.object({ id: Id, firstName: Name, lastName: Name, role: z.enum(['staff', 'admin']) })),
});
export type Roster = z.infer<typeof RosterSchema>;
