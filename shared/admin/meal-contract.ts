// The parents' meal invoices in the console (merged into adminRequests): the daily meal fee and the kindergarten's
// details the invoices print, and the export of a month's invoices (one PDF, a page per family) or the accountant's
// list (XLSX). The bounds are the settings store's own (electron/core/ledger/settings-store.ts).
import { z } from 'zod';
import { LanguageSchema } from '../domain/attendance.js';
import { MonthSchema } from './work-calendar.js';

const Session = { sessionId: z.string().uuid() };

/** A whole number of tenge a day; 0: not set yet, and no invoice is drawn up until it is. */
export const MealFeeSchema = z.number().int().min(0).max(1_000_000);
/** The business identification number (БИН/БСН): 12 digits, or empty while not entered. */
export const KindergartenBinSchema = z.string().trim().regex(/^(\d{12})?$/, 'twelve digits');
/** A Kazakh IBAN (ИИК/ЖСК): KZ, two check digits and 16 letters or digits; empty while not entered. */
export const KindergartenIbanSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^(KZ\d{2}[0-9A-Z]{16})?$/, 'a KZ IBAN'));
export const KindergartenAddressSchema = z.string().trim().max(200);
/** The bank's name and BIC, as the kindergarten writes them. */
export const KindergartenBankSchema = z.string().trim().max(160);

export const MealSettingsSchema = z.object({
  mealFeeTengePerDay: MealFeeSchema,
  kindergartenAddress: KindergartenAddressSchema,
  kindergartenBin: KindergartenBinSchema,
  kindergartenIban: KindergartenIbanSchema,
  kindergartenBank: KindergartenBankSchema,
});
export type MealSettings = z.infer<typeof MealSettingsSchema>;

/** What an invoice export answers: the file, or why there is none (said in words by the console). */
export const MealExportOutcomeSchema = z.lazy(() =>
  z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('exported'), fileName: z.string(), path: z.string(), bytes: z.number().int().positive() }),
    /** The daily meal fee is 0 (not set): the Settings page comes first. */
    z.object({ outcome: z.literal('fee-not-set') }),
    /** Invoices only: no child came on any day of the month, so there is nothing to pay. */
    z.object({ outcome: z.literal('nothing-to-invoice') }),
  ]),
);
export type MealExportOutcome = z.infer<typeof MealExportOutcomeSchema>;

export const mealRequests = {
  adminMealSettings: { args: z.lazy(() => z.object(Session).strict()), result: MealSettingsSchema },
  /** Changes the meal settings given (the others stay), on record in the admin's audit; answers them all. */
  adminSetMealSettings: { args: z.lazy(() => z.object({ ...Session, change: MealSettingsSchema.partial().strict() }).strict()), result: MealSettingsSchema },
  /** 'pdf': the invoices, a page per family with something to pay; 'xlsx': the accountant's list of every child. */
  adminExportMealInvoices: {
    args: z.lazy(() => z.object({ ...Session, month: MonthSchema, format: z.enum(['xlsx', 'pdf']), language: LanguageSchema }).strict()),
    result: MealExportOutcomeSchema,
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
