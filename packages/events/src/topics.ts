/**
 * Every topic an outbox writes, by service. A topic's payload is `EVENT_SCHEMAS[topic]`
 * (event-schemas.ts); producers and consumers name topics from here, never as a string.
 */
export const TOPICS = {
  roster: {
    memberCreated: 'roster.member_created',
    memberUpdated: 'roster.member_updated',
    orgSaved: 'roster.org_saved',
    orgMoved: 'roster.org_moved',
    orgClosed: 'roster.org_closed',
    checkinGranted: 'roster.checkin_granted',
    checkinGrantRevoked: 'roster.checkin_grant_revoked',
    checkinGrantRefused: 'roster.checkin_grant_refused',
    transferAccepted: 'roster.transfer_accepted',
    certificateEnding: 'roster.certificate_ending',
    certificateChanged: 'roster.certificate_changed',
  },
  reporting: {
    checkinAccepted: 'reporting.checkin_accepted',
    checkinEnded: 'reporting.checkin_ended',
    checkinDecided: 'reporting.checkin_decided',
    monthlyReportSubmitted: 'reporting.monthly_report_submitted',
    meetingAttended: 'reporting.meeting_attended',
    meetingCancelled: 'reporting.meeting_cancelled',
    suggestionAdopted: 'reporting.suggestion_adopted',
    lostContactProposed: 'reporting.lost_contact_proposed',
    outsideCheckinConfirmed: 'reporting.outside_checkin_confirmed',
    outsideCheckinEnded: 'reporting.outside_checkin_ended',
  },
  tasks: {
    claimed: 'tasks.claimed',
    claimWithdrawn: 'tasks.claim_withdrawn',
    completionApproved: 'tasks.completion_approved',
    completionRejected: 'tasks.completion_rejected',
  },
  identity: {
    tenantCreated: 'identity.tenant_created',
    tenantLive: 'identity.tenant_live',
    accountActivated: 'identity.account_activated',
    accountClosed: 'identity.account_closed',
    seatsChanged: 'identity.seats_changed',
    cityGrantChanged: 'identity.city_grant_changed',
  },
} as const;

type Values<T> = T[keyof T];
export type Topic = Values<{ [S in keyof typeof TOPICS]: Values<(typeof TOPICS)[S]> }>;
