// A child back after a long absence (issue 16 §2): the staff see who came back and mark the doctor's certificate seen
// or missing; an admin sees the returns still without one. Merged into the staff requests (staff-contract.ts).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';

const Session = { sessionId: z.string().uuid() };
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CertificateOutcomeSchema = z.enum(['seen', 'missing']);
export type CertificateOutcome = z.infer<typeof CertificateOutcomeSchema>;

export const ReturnCheckSchema = z.object({
  id: z.string(),
  childId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  groupName: z.string(),
  /** The day the child came back. */
  localDate: LocalDate,
  /** School days away before it (sick or unexplained, by the табель). */
  absentDays: z.number().int().positive(),
  /** The last day the child was there before, when the records reach it. */
  lastSeen: LocalDate.nullable(),
  /** The staff's newest word on the certificate; null: not asked yet. */
  outcome: CertificateOutcomeSchema.nullable(),
  /** Who gave it, and when (the kiosk's local time, ISO with offset). */
  markedBy: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export type ReturnCheck = z.infer<typeof ReturnCheckSchema>;

export const returnCheckRequests = {
  /** The returns staff have not yet asked about (a private list on the staff screens, never on the door). */
  staffReturnChecks: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => z.object({ checks: z.array(ReturnCheckSchema) })) },
  /** The certificate seen or missing: attributed, audited and queued for the city; marked again, the newest wins. */
  staffMarkCertificate: {
    args: z.lazy(() => z.object({ ...Session, checkId: Id, outcome: CertificateOutcomeSchema }).strict()),
    result: z.lazy(() => z.object({ check: ReturnCheckSchema })),
  },
  /** Admins only: every return whose certificate is missing or was never asked for, newest first. */
  adminReturnsWithoutCertificate: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => z.object({ checks: z.array(ReturnCheckSchema) })) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
