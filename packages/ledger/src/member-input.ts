import { chinaDate } from '@tongxin/calendar';
import { z } from 'zod';
import { checkIdCard } from './id-card.ts';
import { AWAY_REASONS, CONTACT_CHANNELS, CONTACT_RESULTS, EDUCATION_LEVELS, LOST_CONTACT_REASONS } from './ledger-fields.ts';

// Field rules shared by the API, the Excel import and the forms: one message per rule, in
// English; the UI translates by field and rule (see @tongxin/i18n).

// Today on the member's calendar (Beijing): between 00:00 and 08:00 it is still yesterday in UTC.
const today = () => chinaDate(new Date());
const isoDate = z.iso.date('a date as YYYY-MM-DD');
export const ZPastDate = isoDate.refine((d) => d <= today(), { message: 'a date in the future', params: { code: 'future_date' } });

export const ZIdCardNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = checkIdCard(value);
    if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'an ID-card number has 17 digits and a digit or X', params: { code: 'invalid_id_card' } });
    if (problem === 'birth_date') ctx.addIssue({ code: 'custom', message: 'the birth date in this ID-card number is not a real date', params: { code: 'id_card_birth_date' } });
    if (problem === 'check_digit') ctx.addIssue({ code: 'custom', message: 'the last character (check digit) does not match this ID-card number', params: { code: 'id_card_check_digit' } });
  });

/** A mainland mobile number: 11 digits starting with 1. */
// A refinement, not `.regex`, so the issue carries its error code (`@tongxin/errors`) for the forms and the API.
export const ZMobilePhone = z.string().trim().refine((v) => /^1[3-9]\d{9}$/.test(v), { message: 'a mobile number: 11 digits starting with 1', params: { code: 'invalid_mobile' } });
/** Any reachable number: a mobile or a landline with area code. */
export const ZPhone = z.string().trim().refine((v) => /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(v), { message: 'a mobile number or a landline with its area code', params: { code: 'invalid_phone' } });

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** Ledger fields as a member or secretary sends them: absent = unchanged, null = cleared. */
export const ZLedgerPatch = z
  .object({
    destinationProvince: optional(text(20)),
    destinationCity: optional(text(40)),
    employer: optional(text(80)),
    occupation: optional(text(40)),
    residentialAddress: optional(text(120)),
    destinationPhone: optional(ZPhone),
    destinationOrgName: optional(text(80)),
    destinationOrgLeader: optional(text(40)),
    destinationOrgContact: optional(ZPhone),
    awaySince: optional(ZPastDate),
  })
  .strict();
export type LedgerPatch = z.infer<typeof ZLedgerPatch>;

/** The personal record a secretary keeps. */
export const ZPersonalPatch = z
  .object({
    name: text(40).min(2, 'at least 2 characters'),
    gender: z.enum(['male', 'female']),
    birthDate: ZPastDate,
    idCardNumber: ZIdCardNumber,
    phone: ZMobilePhone,
    joinedOn: ZPastDate,
    education: z.enum(EDUCATION_LEVELS),
  })
  .partial()
  .strict();
export type PersonalPatch = z.infer<typeof ZPersonalPatch>;

/** 外出原因, a code of `AWAY_REASONS`; the words a person adds stay a note beside it. */
export const ZAwayReason = z.enum(AWAY_REASONS);

export const ZContactAttempt = z.object({
  attemptedOn: ZPastDate,
  channel: z.enum(CONTACT_CHANNELS),
  result: z.enum(CONTACT_RESULTS),
  note: text(200).optional(),
});

export const ZLostContactReason = z.union(LOST_CONTACT_REASONS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]]);
