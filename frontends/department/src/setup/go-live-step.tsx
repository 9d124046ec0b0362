import { For, Show, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { m, type DepartmentMessageKey } from '../messages.ts';
import { explainSetupError } from '../explain-error.ts';
import type { Checklist, StepProps } from './setup-api.ts';

/** Named in full up to this many; the rest are counted. */
const NAMED = 30;

/** A checklist code from the server in words; a code this page does not know yet is shown as is. */
function blockingText(code: string): string {
  const key = `live.blocking.${code}` as DepartmentMessageKey;
  return ['NO_BRANCHES', 'NO_MEMBERS', 'NO_SECRETARIES'].includes(code) ? m(key) : m('live.unknown', { code });
}

function WarningItem(props: { code: string; checklist: Checklist }) {
  const orgs = () => props.checklist.branchesWithoutSecretary;
  const names = () => orgs().slice(0, NAMED).map((org) => org.name).join(m('live.separator'));
  return (
    <li>
      <Show when={props.code === 'ORGS_WITHOUT_SECRETARY'}>
        {m('live.warning.ORGS_WITHOUT_SECRETARY', { count: format(orgs().length) })}
        {names()}
        <Show when={orgs().length > NAMED}>{` ${m('live.andMore', { count: format(orgs().length - NAMED) })}`}</Show>
      </Show>
      <Show when={props.code === 'MEMBERS_WITHOUT_ACCOUNT'}>
        {m('live.warning.MEMBERS_WITHOUT_ACCOUNT', { count: format(props.checklist.membersWithoutAccount) })}
      </Show>
      <Show when={props.code === 'NO_SMS_PROVIDER'}>{m('live.warning.NO_SMS_PROVIDER')}</Show>
      <Show when={!['ORGS_WITHOUT_SECRETARY', 'MEMBERS_WITHOUT_ACCOUNT', 'NO_SMS_PROVIDER'].includes(props.code)}>
        {m('live.unknown', { code: props.code })}
      </Show>
    </li>
  );
}

/**
 * Step 7: what is still missing, and going live. Blocking items keep the button from
 * working; warnings are acknowledged by ticking the box (so is going live without any).
 */
export function GoLiveStep(props: StepProps) {
  const checklist = () => props.state.checklist;
  const goLive = createAction((acknowledgeWarnings: boolean) => identity.setup.goLive.mutate({ acknowledgeWarnings }));
  const [confirmed, setConfirmed] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  const [justWent, setJustWent] = createSignal(false);
  const blocked = () => checklist().blocking.length > 0;

  async function onGo() {
    if (blocked()) return;
    if (!confirmed()) {
      setProblem(m('live.mustConfirm'));
      return;
    }
    setProblem('');
    if (await goLive.run(checklist().warnings.length > 0)) {
      setJustWent(true);
      props.onChanged();
    }
  }

  return (
    <>
      <p>{m('live.intro')}</p>
      <Show when={checklist().blocking.length > 0}>
        <h3>{m('live.blockingTitle')}</h3>
        <ul class="checklist">
          <For each={checklist().blocking}>{(code) => <li>{blockingText(code)}</li>}</For>
        </ul>
      </Show>
      <Show when={checklist().warnings.length > 0}>
        <h3>{m('live.warningsTitle')}</h3>
        <ul class="checklist">
          <For each={checklist().warnings}>{(code) => <WarningItem code={code} checklist={checklist()} />}</For>
        </ul>
      </Show>
      <Show when={checklist().blocking.length === 0 && checklist().warnings.length === 0}>
        <p>{m('live.allClear')}</p>
      </Show>
      <Show
        when={props.state.tenant.liveAt}
        fallback={
          <div class="go-live">
            <Show when={!blocked()} fallback={<p class="notice notice-warn" id="go-live-blocked">{m('live.blocked')}</p>}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={confirmed()}
                  aria-invalid={problem() ? 'true' : undefined}
                  aria-describedby={problem() ? 'go-live-problem' : undefined}
                  onChange={(event) => {
                    setConfirmed(event.currentTarget.checked);
                    setProblem('');
                  }}
                />
                {checklist().warnings.length > 0 ? m('live.acknowledge', { count: format(checklist().warnings.length) }) : m('live.confirm')}
              </label>
              <Show when={problem()}>
                <p class="field-error" id="go-live-problem" role="alert">{problem()}</p>
              </Show>
            </Show>
            <Show when={goLive.error()}>
              <ErrorNotice message={explainSetupError(goLive.error())} />
            </Show>
            <div class="form-buttons">
              <button
                type="button"
                disabled={blocked() || goLive.pending()}
                aria-describedby={blocked() ? 'go-live-blocked' : undefined}
                onClick={onGo}
              >
                {goLive.pending() ? m('live.going') : m('live.button')}
              </button>
            </div>
          </div>
        }
      >
        {(liveAt) => (
          <div class="notice notice-good" role={justWent() ? 'status' : undefined}>
            <p>{m('live.done', { date: format(new Date(liveAt())) })}</p>
            <p>{m('live.directory')}</p>
          </div>
        )}
      </Show>
    </>
  );
}
