import { Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { CheckinFieldsForm } from '../checkin-fields/checkin-fields-form.tsx';
import { RouteLink, ViewLink } from '../links.tsx';
import { m } from '../messages.ts';
import { secretaryPage } from '../route.ts';
import type { StepProps } from './setup-api.ts';

// Steps 2 to 6 are done on the pages that do the work all year (the secretary view's tree,
// imports, appointments, accounts and rules; this view's SMS channel): the wizard says what
// the step is about, where the county stands, and links there.

/** Step 2: the org tree, by hand or from the Excel template of organizations. */
export function OrgsStep(props: StepProps) {
  return (
    <>
      <p>{m('orgs.intro')}</p>
      <p>{m('orgs.count', { count: format(props.state.checklist.branches) })}</p>
      <ul class="link-list">
        {/* The org-tree import lives on the tree page itself. */}
        <li><ViewLink href={secretaryPage('tree')}>{m('orgs.tree')}</ViewLink></li>
      </ul>
    </>
  );
}

/** Step 3: members, through the existing import. */
export function MembersStep(props: StepProps) {
  return (
    <>
      <p>{m('members.intro')}</p>
      <p>{m('members.count', { count: format(props.state.checklist.members) })}</p>
      <ul class="link-list">
        <li><ViewLink href={secretaryPage('excel')}>{m('members.import')}</ViewLink></li>
        <li><ViewLink href={secretaryPage('roster')}>{m('members.roster')}</ViewLink></li>
      </ul>
    </>
  );
}

/** Step 4: secretaries appointed (the appointments page). */
export function SecretariesStep(props: StepProps) {
  const missing = () => props.state.checklist.branchesWithoutSecretary.length;
  return (
    <>
      <p>{m('secretaries.intro')}</p>
      <p>
        {m('secretaries.count', { count: format(props.state.checklist.secretaries) })}
        <Show when={missing() > 0}> {m('secretaries.missing', { count: format(missing()) })}</Show>
      </p>
      <ul class="link-list">
        <li><ViewLink href={secretaryPage('roles')}>{m('secretaries.open')}</ViewLink></li>
      </ul>
    </>
  );
}

/** Step 5: points rules, the escalation ladder, the fields a check-in shares (chosen here), the SMS channel. */
export function SettingsStep(props: StepProps) {
  return (
    <>
      <p>{m('settings.intro')}</p>
      <ul class="link-list">
        <li><ViewLink href={secretaryPage('scoring-rules')}>{m('settings.scoring')}</ViewLink></li>
        <li><ViewLink href={secretaryPage('contact-tasks')}>{m('settings.escalation')}</ViewLink></li>
        <li><RouteLink to={{ name: 'sms' }}>{m('settings.sms')}</RouteLink></li>
      </ul>
      <p class={props.state.checklist.smsConfigured ? undefined : 'notice notice-warn'}>
        {props.state.checklist.smsConfigured ? m('settings.smsReady') : m('settings.smsMissing')}
      </p>
      <section aria-labelledby="setup-checkin-fields-title">
        <h3 id="setup-checkin-fields-title">{m('checkinFields.title')}</h3>
        <CheckinFieldsForm idPrefix="setup-checkin-fields" />
      </section>
    </>
  );
}

/** Step 6: members' accounts (the accounts page: codes by SMS and printed sheets). */
export function AccountsStep(props: StepProps) {
  return (
    <>
      <p>{m('accounts.intro')}</p>
      <p>
        {m('accounts.count', { without: format(props.state.checklist.membersWithoutAccount), members: format(props.state.checklist.members) })}
      </p>
      <ul class="link-list">
        <li><ViewLink href={secretaryPage('accounts')}>{m('accounts.open')}</ViewLink></li>
      </ul>
    </>
  );
}
