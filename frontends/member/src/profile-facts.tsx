import { Show } from 'solid-js';
import { t } from '@tongxin/i18n';
import type { Profile } from './profile.ts';

/**
 * Who the member is and where their membership is held; the branch keeps these. The rest
 * of the personal record stays off this first screen (its size is measured).
 */
export function ProfileFacts(props: { me: Profile }) {
  return (
    <dl class="facts">
      <dt>{t('member.name')}</dt>
      <dd>{props.me.name}</dd>
      <dt>{t('member.branch')}</dt>
      <dd>{props.me.branch}</dd>
      <Show when={props.me.township}>
        <dt>{t('member.township')}</dt>
        <dd>{props.me.township}</dd>
      </Show>
      <dt>{t('member.status')}</dt>
      <dd>{t(`status.${props.me.status}`)}</dd>
      <Show when={props.me.phone}>
        <dt>{t('ledger.phone')}</dt>
        <dd>{props.me.phone}</dd>
      </Show>
    </dl>
  );
}
