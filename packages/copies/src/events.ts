// The events the copies are kept from. Their payloads are the contract in @tongxin/events;
// this names the topics the copy consumer handles.
import { TOPICS } from '@tongxin/events';

export type { CheckinEnded, CheckinGranted, CheckinGrantRevoked, MemberCreated, MemberUpdated, OrgMoved, OrgSaved, SeatsChanged } from '@tongxin/events';

export const COPY_TOPICS = {
  memberCreated: TOPICS.roster.memberCreated,
  memberUpdated: TOPICS.roster.memberUpdated,
  orgSaved: TOPICS.roster.orgSaved,
  orgMoved: TOPICS.roster.orgMoved,
  checkinGranted: TOPICS.roster.checkinGranted,
  checkinGrantRevoked: TOPICS.roster.checkinGrantRevoked,
  checkinEnded: TOPICS.reporting.checkinEnded,
  seatsChanged: TOPICS.identity.seatsChanged,
} as const;
