import { Match, Switch, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { describeError } from '@tongxin/ui';
import { m } from '../messages.ts';

/** The full ID-card number, on request only: the server records every such read. */
export function RevealIdCard(props: { memberId: string; masked: string | null }) {
  const [full, setFull] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  const reveal = async () => {
    setPending(true);
    setError(undefined);
    try {
      setFull((await roster.members.revealIdCard.mutate({ memberId: props.memberId })).idCardNumber ?? undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Switch>
      <Match when={full()}>
        <span class="id-card">{full()}</span> <span class="muted">{m('member.revealNote')}</span>
      </Match>
      <Match when={true}>
        <span class="id-card">{props.masked ?? m('member.empty')}</span>{' '}
        <button type="button" class="secondary small" disabled={pending() || !props.masked} onClick={reveal}>
          {pending() ? m('member.revealing') : m('member.reveal')}
        </button>{' '}
        <span class="muted">{m('member.revealNote')}</span>
        <Switch>
          <Match when={error()}>
            <p class="field-error" role="alert">
              {describeError(error())}
            </p>
          </Match>
        </Switch>
      </Match>
    </Switch>
  );
}
