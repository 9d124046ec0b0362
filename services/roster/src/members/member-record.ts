import { LEDGER_FIELDS, maskIdCard, type AwayReason, type EducationLevel, type Ledger, type LedgerField, type MemberStatus } from '@tongxin/ledger';
import { members } from '../schema.ts';
import { isStale } from './ledger-staleness.ts';

/** The ledger columns as one nested select: `{ ledger: ledgerColumns }` reads back a Ledger. */
export const ledgerColumns = Object.fromEntries(LEDGER_FIELDS.map((f) => [f, members[f]])) as unknown as { [F in LedgerField]: (typeof members)[F] };

/** The columns every full view of one member reads (the member's own and a secretary's). */
export const recordColumns = {
  id: members.id,
  name: members.name,
  status: members.status,
  gender: members.gender,
  birthDate: members.birthDate,
  idCardNumber: members.idCardNumber,
  phone: members.phone,
  joinedOn: members.joinedOn,
  education: members.education,
  awayReason: members.awayReason,
  ledger: ledgerColumns,
  fieldConfirmedAt: members.fieldConfirmedAt,
  ledgerConfirmedAt: members.ledgerConfirmedAt,
  version: members.version,
};

interface RecordRow {
  id: string;
  name: string;
  status: MemberStatus;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  idCardNumber: string | null;
  phone: string | null;
  joinedOn: string | null;
  education: EducationLevel | null;
  awayReason: AwayReason | null;
  ledger: Record<LedgerField, unknown>;
  fieldConfirmedAt: Record<string, string>;
  ledgerConfirmedAt: Date | null;
  version: number;
}

export interface MemberRecord {
  id: string;
  name: string;
  status: MemberStatus;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  /** Never the full number: that is `members.revealIdCard`, audited. */
  idCardMasked: string | null;
  phone: string | null;
  joinedOn: string | null;
  education: EducationLevel | null;
  /** 外出原因, while away. */
  awayReason: AwayReason | null;
  ledger: Ledger;
  fieldConfirmedAt: Record<string, string>;
  ledgerConfirmedAt: string | null;
  stale: boolean;
  version: number;
}

/** JSON-ready: the ID-card number masked, times as ISO strings, staleness at `now`. */
export function toMemberRecord(row: RecordRow, now: Date): MemberRecord {
  const { idCardNumber, ledger, ledgerConfirmedAt, ...rest } = row;
  return {
    ...rest,
    idCardMasked: maskIdCard(idCardNumber),
    ledger: Object.fromEntries(LEDGER_FIELDS.map((f) => [f, (ledger[f] as string | null) ?? null])) as Ledger,
    ledgerConfirmedAt: ledgerConfirmedAt ? new Date(ledgerConfirmedAt).toISOString() : null,
    stale: isStale(row.status, ledgerConfirmedAt ? new Date(ledgerConfirmedAt) : null, now),
  };
}
