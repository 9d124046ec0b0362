import { Show } from 'solid-js';
import { t } from '@tongxin/i18n';
import { LEDGER_STATUSES } from '@tongxin/ledger';
import { m } from '../messages.ts';
import { formatDate } from '../shared/format-date.ts';
import { RevealIdCard } from './reveal-id-card.tsx';
import { LastContact } from '../shared/last-contact.tsx';
import type { MemberRecord } from './roster-api.ts';

export function PersonalFacts(props: { member: MemberRecord }) {
  const or = (value: string | null | undefined) => value || m('member.empty');
  return (
    <section aria-labelledby="member-personal">
      <h2 id="member-personal">{m('member.personal')}</h2>
      <dl class="facts">
        <dt>{t('ledger.status')}</dt>
        <dd>{t(`status.${props.member.status}`)}</dd>
        <Show when={LEDGER_STATUSES.includes(props.member.status)}>
          <dt>{t('ledger.awayReason')}</dt>
          <dd>{props.member.awayReason ? t(`awayReason.${props.member.awayReason}`) : m('member.empty')}</dd>
        </Show>
        <dt>{t('ledger.branch')}</dt>
        <dd>{props.member.branch}</dd>
        <Show when={props.member.township}>
          <dt>{m('member.township')}</dt>
          <dd>{props.member.township}</dd>
        </Show>
        <dt>{t('ledger.gender')}</dt>
        <dd>{props.member.gender ? t(`gender.${props.member.gender}`) : m('member.empty')}</dd>
        <dt>{t('ledger.birthDate')}</dt>
        <dd>{or(formatDate(props.member.birthDate))}</dd>
        <dt>{t('ledger.phone')}</dt>
        <dd>{or(props.member.phone)}</dd>
        <dt>{t('ledger.joinedOn')}</dt>
        <dd>{or(formatDate(props.member.joinedOn))}</dd>
        <dt>{t('ledger.education')}</dt>
        <dd>{props.member.education ? t(`education.${props.member.education}`) : m('member.empty')}</dd>
        <dt>{t('ledger.idCardNumber')}</dt>
        <dd>
          <RevealIdCard memberId={props.member.id} masked={props.member.idCardMasked} />
        </dd>
        <dt>{m('roster.lastContact')}</dt>
        <dd>
          <LastContact at={props.member.lastContactAt} source={props.member.lastContactSource} enteredAt={props.member.enteredAt} />
        </dd>
        <Show when={props.member.lostContactSince}>
          <dt>{m('member.lostContactSince')}</dt>
          <dd>{formatDate(props.member.lostContactSince)}</dd>
        </Show>
        <Show when={props.member.lostContactReason}>
          {(reason) => (
            <>
              <dt>{m('member.lostContactReason')}</dt>
              <dd>{m(`reason.${reason()}` as 'reason.1')}</dd>
            </>
          )}
        </Show>
      </dl>
    </section>
  );
}
