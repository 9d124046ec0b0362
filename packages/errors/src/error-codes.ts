/** The tRPC codes a domain error is answered with (a subset of tRPC's own, written out so this package needs no server code). */
export type TrpcCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PRECONDITION_FAILED' | 'TOO_MANY_REQUESTS';

/**
 * Every error code a procedure answers with, and the tRPC code it is answered with when no
 * field is named (a `DomainError` naming a field is always BAD_REQUEST). The frontends
 * translate each from their dictionaries (`@tongxin/i18n`'s `error-messages.ts`); a new code
 * goes here and there. Parameters a message needs are named beside the code.
 */
export const errorCodes = {
  // The input's schema (zod issues, `packages/trpc/src/errors.ts`) and the strings every procedure refuses.
  invalid_input: 'BAD_REQUEST',
  required: 'BAD_REQUEST',
  too_long: 'BAD_REQUEST', // {max}
  too_short: 'BAD_REQUEST', // {min}
  too_small: 'BAD_REQUEST', // {min}, {inclusive}
  too_large: 'BAD_REQUEST', // {max}, {inclusive}
  not_integer: 'BAD_REQUEST',
  invalid_format: 'BAD_REQUEST', // {format}
  invalid_date: 'BAD_REQUEST',
  invalid_mobile: 'BAD_REQUEST',
  invalid_phone: 'BAD_REQUEST',
  invalid_id_card: 'BAD_REQUEST',
  id_card_birth_date: 'BAD_REQUEST',
  id_card_check_digit: 'BAD_REQUEST',
  invalid_value: 'BAD_REQUEST',
  unstorable_character: 'BAD_REQUEST',
  invalid_cursor: 'BAD_REQUEST',
  // Signing in, codes and links.
  session_ended: 'UNAUTHORIZED',
  wrong_credentials: 'UNAUTHORIZED',
  wrong_password: 'UNAUTHORIZED',
  details_mismatch: 'UNAUTHORIZED',
  code_invalid: 'UNAUTHORIZED',
  link_invalid: 'NOT_FOUND',
  account_locked: 'TOO_MANY_REQUESTS',
  too_many_attempts: 'TOO_MANY_REQUESTS',
  too_many_id_card_lookups: 'TOO_MANY_REQUESTS',
  account_active: 'CONFLICT',
  phone_taken: 'CONFLICT',
  // Who may act.
  role_required: 'FORBIDDEN', // {role}
  outside_scope: 'FORBIDDEN',
  not_your_org: 'FORBIDDEN',
  decides_about_oneself: 'FORBIDDEN',
  level_above_decides: 'FORBIDDEN',
  transfer_step_not_yours: 'FORBIDDEN', // {status}
  county_suspended: 'FORBIDDEN',
  department_only: 'BAD_REQUEST',
  flow_org_only: 'BAD_REQUEST',
  report_instead_by_member: 'BAD_REQUEST',
  // Not found (or not visible to the caller, which reads the same).
  county_not_found: 'NOT_FOUND',
  tenant_not_found: 'NOT_FOUND',
  city_not_found: 'BAD_REQUEST',
  org_not_found: 'NOT_FOUND',
  member_not_found: 'NOT_FOUND',
  no_member_record: 'NOT_FOUND',
  transfer_not_found: 'NOT_FOUND',
  claim_not_found: 'NOT_FOUND',
  checkin_not_found: 'NOT_FOUND',
  task_not_found: 'NOT_FOUND',
  report_not_found: 'NOT_FOUND',
  proposal_not_found: 'NOT_FOUND',
  invitation_not_found: 'NOT_FOUND',
  suggestion_not_found: 'NOT_FOUND',
  meeting_not_found: 'NOT_FOUND',
  contact_task_not_found: 'NOT_FOUND',
  mobility_request_not_found: 'NOT_FOUND',
  completion_not_found: 'NOT_FOUND',
  appointment_not_found: 'NOT_FOUND',
  evaluation_not_proposed: 'NOT_FOUND',
  // Retries and races.
  idempotency_key_reused: 'CONFLICT',
  changed_meanwhile: 'CONFLICT', // {version} or {status}
  import_conflict: 'CONFLICT',
  already_appointed: 'CONFLICT',
  division_code_taken: 'CONFLICT',
  // Setup.
  sms_keys_unavailable: 'PRECONDITION_FAILED',
  not_ready_to_go_live: 'PRECONDITION_FAILED', // {items}
  acknowledge_first: 'PRECONDITION_FAILED', // {items}
  division_code_digits: 'BAD_REQUEST',
  no_such_province: 'BAD_REQUEST',
  province_code: 'BAD_REQUEST',
  city_code_format: 'BAD_REQUEST',
  county_code_format: 'BAD_REQUEST',
  county_outside_city: 'BAD_REQUEST', // {city}, {prefix}
  password_too_short: 'BAD_REQUEST', // {min}
  password_common: 'BAD_REQUEST',
  members_or_branch: 'BAD_REQUEST',
  id_tail_or_phone: 'BAD_REQUEST',
  // The org tree and the roster.
  org_closed: 'BAD_REQUEST',
  org_has_members: 'BAD_REQUEST',
  org_has_children: 'BAD_REQUEST',
  org_has_no_members: 'BAD_REQUEST',
  root_fixed: 'BAD_REQUEST',
  would_make_cycle: 'BAD_REQUEST',
  kind_not_allowed: 'BAD_REQUEST', // {kind}, {parentKind}
  department_exists: 'BAD_REQUEST',
  not_a_branch: 'BAD_REQUEST',
  not_an_open_branch: 'BAD_REQUEST',
  branch_closed: 'BAD_REQUEST',
  branch_already_named: 'BAD_REQUEST',
  already_in_branch: 'BAD_REQUEST',
  member_outside_org: 'BAD_REQUEST',
  member_transferred_out: 'BAD_REQUEST',
  member_moved: 'BAD_REQUEST',
  member_not_mobile: 'BAD_REQUEST', // {status}
  no_mobile_branch: 'BAD_REQUEST',
  id_card_taken: 'BAD_REQUEST',
  id_card_in_scope: 'BAD_REQUEST',
  id_card_unavailable: 'BAD_REQUEST',
  birth_date_mismatch: 'BAD_REQUEST',
  gender_mismatch: 'BAD_REQUEST',
  future_date: 'BAD_REQUEST',
  future_month: 'BAD_REQUEST',
  in_past: 'BAD_REQUEST',
  before_left_on: 'BAD_REQUEST', // {date}
  already_away: 'BAD_REQUEST',
  not_away: 'BAD_REQUEST',
  mobility_request_pending: 'BAD_REQUEST', // a member's 外出登记/返乡登记 already waits
  too_far_ahead: 'BAD_REQUEST', // {days}
  not_left_yet: 'BAD_REQUEST', // {date}
  already_lost_contact: 'BAD_REQUEST',
  not_lost_contact: 'BAD_REQUEST',
  too_few_contact_attempts: 'BAD_REQUEST', // {min}, {count}
  already_decided: 'BAD_REQUEST', // {status}
  transfer_open: 'BAD_REQUEST',
  transfer_not_open: 'BAD_REQUEST',
  transfer_not_approved: 'BAD_REQUEST', // {status}
  // The activity certificate (issue 17).
  certificate_not_found: 'NOT_FOUND',
  not_a_committee: 'BAD_REQUEST',
  certificate_held: 'BAD_REQUEST', // {number}
  certificate_too_long: 'BAD_REQUEST', // {months}
  certificate_not_valid: 'BAD_REQUEST', // {status}
  certificate_expired: 'BAD_REQUEST', // {validUntil}
  certificate_returned: 'BAD_REQUEST',
  certificate_revoked: 'BAD_REQUEST',
  before_issued_on: 'BAD_REQUEST', // {date}
  // Dues records (党费, issue 17).
  dues_payment_not_found: 'NOT_FOUND',
  dues_not_set: 'BAD_REQUEST',
  dues_period_future: 'BAD_REQUEST',
  dues_period_paid: 'BAD_REQUEST', // {period}
  dues_period_schedule: 'BAD_REQUEST',
  dues_no_certificate: 'BAD_REQUEST',
  dues_payment_voided: 'BAD_REQUEST',
  dues_rate_kind: 'BAD_REQUEST',
  // Reporting.
  reason_required: 'BAD_REQUEST',
  checkin_not_pending: 'BAD_REQUEST', // {status}
  checkin_not_returned: 'BAD_REQUEST', // {status}
  // A destination outside Tongxin (issue 17): its single-use link, the certificate a member attaches.
  checkin_not_outside: 'BAD_REQUEST',
  no_valid_certificate: 'BAD_REQUEST',
  checkin_link_not_found: 'NOT_FOUND',
  checkin_link_used: 'CONFLICT', // {answer}: confirmed | declined
  checkin_link_expired: 'NOT_FOUND',
  checkin_link_revoked: 'NOT_FOUND',
  checkin_link_sent_recently: 'TOO_MANY_REQUESTS', // {seconds}
  checkin_links_daily_limit: 'TOO_MANY_REQUESTS',
  no_links: 'BAD_REQUEST',
  already_checked_in: 'BAD_REQUEST', // {org}
  not_own_branch_or_above: 'BAD_REQUEST',
  status_not_next: 'BAD_REQUEST', // {status}
  future_period: 'BAD_REQUEST',
  period_closed: 'BAD_REQUEST',
  report_acknowledged: 'BAD_REQUEST',
  meeting_cancelled: 'BAD_REQUEST',
  meeting_started: 'BAD_REQUEST',
  meeting_not_started: 'BAD_REQUEST',
  meeting_ended: 'BAD_REQUEST',
  report_window_closed: 'BAD_REQUEST',
  meeting_online_only: 'BAD_REQUEST',
  meeting_in_person_only: 'BAD_REQUEST',
  not_in_meeting_org: 'BAD_REQUEST',
  listed_twice: 'BAD_REQUEST',
  after_reminder_day: 'BAD_REQUEST',
  field_not_grantable: 'BAD_REQUEST', // {field}
  ends_before_start: 'BAD_REQUEST',
  deadline_before_end: 'BAD_REQUEST',
  deadline_too_late: 'BAD_REQUEST', // {days}
  // Tasks.
  task_closed: 'BAD_REQUEST',
  task_full: 'BAD_REQUEST',
  claim_expired: 'BAD_REQUEST',
  claim_not_active: 'BAD_REQUEST', // {status}
  deadline_in_past: 'BAD_REQUEST',
  study_earns_no_points: 'BAD_REQUEST',
  deadline_passed: 'BAD_REQUEST',
  quota_below_claims: 'BAD_REQUEST', // {count} when known
  study_material_required: 'BAD_REQUEST',
  study_material_only_for_study: 'BAD_REQUEST',
  target_required: 'BAD_REQUEST',
  photo_required: 'BAD_REQUEST', // {reason}
  no_photo_asked: 'BAD_REQUEST',
  photos_not_yours: 'BAD_REQUEST',
  // A queued completion's photo the server would not take (said by the member's queue, issue 18).
  photo_unusable: 'BAD_REQUEST',
  // Scoring.
  points_from_task: 'BAD_REQUEST',
  nothing_to_change: 'BAD_REQUEST',
  above_better_grade: 'BAD_REQUEST', // {grade}, {max}
} as const satisfies Record<string, TrpcCode>;

export type ErrorCode = keyof typeof errorCodes;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value);
}
