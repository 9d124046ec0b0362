import { For, Match, Show, Suspense, Switch, createResource, onMount } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { t, type TransfersMessageKey } from './messages.ts';
import { TransferActions } from './transfer-actions.tsx';

/** One transfer: its steps so far and what the secretary may do now. */
export function TransferDetail(props: { transferId: string; onClose: () => void; onDone: () => void }) {
  const [transfer, { refetch }] = createResource(() => props.transferId, (transferId) => roster.transfers.get.query({ transferId }));
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  return (
    <section aria-labelledby="transfer-heading" style={{ 'margin-top': '1.5rem', padding: '1rem', border: '1px solid var(--color-border)', 'border-radius': '4px' }}>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={transfer.error}>
            <h2 id="transfer-heading" tabindex="-1" ref={heading}>{t('title')}</h2>
            <ErrorNotice message={describeError(transfer.error)} onRetry={refetch} />
          </Match>
          <Match when={transfer()}>
            {(detail) => (
              <>
                <h2 id="transfer-heading" tabindex="-1" ref={(el) => { heading = el; queueMicrotask(() => el.focus()); }}>
                  {t('detailTitle', { name: detail().memberName })}
                </h2>
                <dl class="facts">
                  <dt>{t('from')}</dt>
                  <dd>{detail().fromBranch}</dd>
                  <dt>{t('to')}</dt>
                  <dd>{detail().toName}</dd>
                  <dt>{t('status')}</dt>
                  <dd>{t(`status.${detail().status}` as TransfersMessageKey) ?? detail().status}</dd>
                  <Show when={detail().reason}>
                    <dt>{t('reason')}</dt>
                    <dd>{detail().reason}</dd>
                  </Show>
                </dl>
                <h3>{t('steps')}</h3>
                <ol>
                  <For each={detail().steps}>
                    {(step) => (
                      <li>
                        {t(`status.${step.step}` as TransfersMessageKey) ?? step.step} · {format(new Date(step.at), { dateStyle: 'medium', timeStyle: 'short' })}
                        <Show when={step.note}>：{step.note}</Show>
                      </li>
                    )}
                  </For>
                </ol>
                <TransferActions transfer={detail()} onDone={props.onDone} />
              </>
            )}
          </Match>
        </Switch>
      </Suspense>
      <button type="button" class="secondary" style={{ 'margin-top': '1rem' }} onClick={() => props.onClose()}>
        {t('close')}
      </button>
    </section>
  );
}
