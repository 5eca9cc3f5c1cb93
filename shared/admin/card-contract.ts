// The admin console's "Companions & cards" requests (merged into adminRequests): find a companion by name, see their
// children and cards, enrol a card tapped on the reader, revoke one. Every change is pushed to the city; when the
// city's roster manages the cards (settings cardsManagedBy 'city') the core refuses with CARDS_MANAGED_BY_CITY.
import { z } from 'zod';
import { CardSourceSchema, Id } from '../domain/attendance.js';
import { RelationSchema } from '../domain/roster.js';

const Session = { sessionId: z.string().uuid() };

export const CardsManagedBySchema = z.enum(['kindergarten', 'city']);
export type CardsManagedBy = z.infer<typeof CardsManagedBySchema>;

/**
 * Where a card stands with the city: from the city's roster ('city'), or changed here and queued, acknowledged, or
 * refused by the city (its reason beside it).
 */
export const CardSyncStateSchema = z.enum(['city', 'pending', 'sent', 'rejected']);
export type CardSyncState = z.infer<typeof CardSyncStateSchema>;

export const CompanionCardSchema = z.lazy(() => z.object({
  credentialId: Id,
  kind: z.enum(['rfid', 'qr']),
  /** As printed on an EM card ("0004512345"), a Mifare UID as it is; empty for a QR credential. */
  number: z.string(),
  /** When it was enrolled here (kiosk local time ISO); null for a card from the city's roster. */
  enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  origin: z.enum(['city', 'local']),
  syncState: CardSyncStateSchema,
  /** The city's reason when it refused this card's latest change. */
  rejectedReason: z.string().nullable(),
}));
export type CompanionCard = z.infer<typeof CompanionCardSchema>;

export const CompanionChildSchema = z.lazy(() => z.object({ id: Id, firstName: z.string(), lastName: z.string(), groupName: z.string() }));

export const CompanionSummarySchema = z.lazy(() => z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  relation: RelationSchema,
  children: z.array(CompanionChildSchema),
  /** Cards not revoked. */
  liveCards: z.number().int().nonnegative(),
}));
export type CompanionSummary = z.infer<typeof CompanionSummarySchema>;

/** Why a tapped card was not enrolled; holder names whose card it already is. */
export const CardRefusalSchema = z.enum(['card-unreadable', 'card-partial', 'card-held', 'card-already-enrolled', 'staff-card']);
export type CardRefusal = z.infer<typeof CardRefusalSchema>;

export const EnrolOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('enrolled'), card: CompanionCardSchema }),
  z.object({
    outcome: z.literal('refused'),
    reason: CardRefusalSchema,
    /** The card number as read (canonical), when it could be read. */
    number: z.string().nullable(),
    holder: z.object({ companionId: Id, name: z.string() }).nullable(),
  }),
]));
export type EnrolOutcome = z.infer<typeof EnrolOutcomeSchema>;

export const CardsInfoSchema = z.lazy(() => z.object({
  managedBy: CardsManagedBySchema,
  /** Enrolled with a city server: changes made here are sent to the city. */
  cityEnrolled: z.boolean(),
}));
export type CardsInfo = z.infer<typeof CardsInfoSchema>;

export const cardRequests = {
  /** Who manages the cards, and whether changes go to a city server. */
  adminCardsInfo: { args: z.lazy(() => z.object(Session).strict()), result: CardsInfoSchema },
  /** Companions whose name holds every word of the query (Kazakh letters folded), at most 30, with their children. */
  adminFindCompanions: {
    args: z.lazy(() => z.object({ ...Session, query: z.string().trim().min(1).max(80) }).strict()),
    result: z.lazy(() => z.object({ companions: z.array(CompanionSummarySchema) })),
  },
  /** One companion with their children and every card, revoked ones too. */
  adminCompanionCards: {
    args: z.lazy(() => z.object({ ...Session, companionId: Id }).strict()),
    result: z.lazy(() => z.object({ companion: CompanionSummarySchema, cards: z.array(CompanionCardSchema) })),
  },
  /** Enrols the card tapped on the reader (raw as the reader gave it) for the companion. */
  adminEnrolCard: {
    args: z.lazy(() => z.object({ ...Session, companionId: Id, raw: z.string().min(1).max(64), source: CardSourceSchema }).strict()),
    result: EnrolOutcomeSchema,
  },
  /** Revokes a card: the door refuses it from now on. */
  adminRevokeCard: {
    args: z.lazy(() => z.object({ ...Session, credentialId: Id, reason: z.string().trim().min(1).max(500).optional() }).strict()),
    result: z.lazy(() => z.object({ card: CompanionCardSchema })),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
