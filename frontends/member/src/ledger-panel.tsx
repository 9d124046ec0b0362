import { Match, Show, Suspense, Switch, createSignal, lazy } from 'solid-js';
import { Loading } from '@tongxin/ui';
import { ConfirmButton } from './confirm-button.tsx';
import { LedgerFacts } from './ledger-facts.tsx';
import { m } from './messages.ts';
import type { Profile } from './profile.ts';
import { StaleNotice } from './stale-notice.tsx';
import { bigButton } from './touch.ts';

// The form (with the zod field rules) and the history are fetched on first use: they stay
// out of the first load a member on a poor connection waits for (frontends/README.md).
const LedgerForm = lazy(() => import('./ledger-form.tsx'));
const LedgerHistory = lazy(() => import('./ledger-history.tsx'));

type Mode = 'view' | 'edit' | 'history';

/** The information ledger (brief "报告"): see it, confirm it unchanged, edit it, see its history. */
export function LedgerPanel(props: { me: Profile; onChanged: () => void }) {
  const [mode, setMode] = createSignal<Mode>('view');
  const [message, setMessage] = createSignal('');
  let heading: HTMLHeadingElement | undefined;

  /** Back to the ledger, focus on its heading (the form or history just disappeared). */
  function backToView(said = '') {
    setMessage(said);
    setMode('view');
    queueMicrotask(() => heading?.focus());
  }

  return (
    <Switch>
      <Match when={mode() === 'edit'}>
        <Suspense fallback={<Loading />}>
          <LedgerForm
            me={props.me}
            onCancel={() => backToView()}
            onSaved={(said) => {
              props.onChanged();
              backToView(said);
            }}
          />
        </Suspense>
      </Match>
      <Match when={mode() === 'history'}>
        <Suspense fallback={<Loading />}>
          <LedgerHistory onBack={() => backToView()} />
        </Suspense>
      </Match>
      <Match when={mode() === 'view'}>
        <section aria-labelledby="ledger-heading">
          <h2 id="ledger-heading" tabindex="-1" ref={heading}>
            {m('ledgerTitle')}
          </h2>
          <Show when={props.me.stale}>
            <StaleNotice />
          </Show>
          <p role="status">{message()}</p>
          <LedgerFacts me={props.me} />
          <div style={{ display: 'grid', gap: '0.75rem', 'margin-top': '1rem', 'max-width': '24rem' }}>
            <ConfirmButton onConfirmed={() => { setMessage(''); props.onChanged(); }} />
            <button type="button" class="secondary" style={bigButton} onClick={() => setMode('edit')}>
              {m('edit')}
            </button>
            <button type="button" class="secondary" style={bigButton} onClick={() => setMode('history')}>
              {m('history')}
            </button>
          </div>
        </section>
      </Match>
    </Switch>
  );
}
