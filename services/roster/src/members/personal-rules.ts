import { chinaDate } from '@tongxin/calendar';
import { birthDateOf, genderOf, type AwayReason, type LedgerPatch, type MemberStatus, type PersonalPatch } from '@tongxin/ledger';
import { badField } from '@tongxin/errors';

/**
 * Rules the field schemas cannot check alone: dates against the service's clock (not the
 * machine's), and birth date and gender against the ID-card number given with them.
 */
export function checkPersonalAndLedger(
  now: Date,
  input: { personal?: PersonalPatch | undefined; ledger?: LedgerPatch | undefined },
  /** Where the input nests each group, so the field names match the schema's own errors. */
  at: { personal: '' | 'personal.'; ledger: 'ledger.' },
): void {
  const personal = input.personal ?? {};
  // Today on the secretary's or member's calendar (Beijing).
  const today = chinaDate(now);
  const dates = [[`${at.personal}birthDate`, personal.birthDate], [`${at.personal}joinedOn`, personal.joinedOn], [`${at.ledger}awaySince`, input.ledger?.awaySince]];
  for (const [field, value] of dates) {
    if (value && value > today) throw badField(field!, 'future_date');
  }
  const id = personal.idCardNumber;
  if (!id) return;
  if (personal.birthDate && personal.birthDate !== birthDateOf(id)) throw badField(`${at.personal}birthDate`, 'birth_date_mismatch');
  if (personal.gender && personal.gender !== genderOf(id)) throw badField(`${at.personal}gender`, 'gender_mismatch');
}

/** Birth date and gender from the ID-card number when not given: enter once (brief, burden rules). */
export function withIdCardFacts(personal: PersonalPatch): PersonalPatch {
  const id = personal.idCardNumber;
  if (!id) return personal;
  return { ...personal, birthDate: personal.birthDate ?? birthDateOf(id) ?? undefined, gender: personal.gender ?? genderOf(id) };
}

/**
 * A reason for leaving belongs to a time away (外出登记 sets it, 返乡 clears it): a member who
 * is not away, or not about to be, has none to record.
 */
export function checkAwayReason(status: MemberStatus, awayReason: AwayReason | null | undefined, field: string): void {
  if (awayReason && status !== 'mobile' && status !== 'lost_contact') throw badField(field, 'not_away');
}
