import { Match, Show, Suspense, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { t } from './messages.ts';
import { TransferDetail } from './transfer-detail.tsx';
import { TransferTable } from './transfer-table.tsx';

/** The transfers inbox: requests to approve, accept or reject, and the secretary's own to follow. */
export default function TransfersPage(_props: { basePath: string }) {
  const [inbox, { refetch }] = createResource(() => roster.transfers.inbox.query());
  const [onlyMine, setOnlyMine] = createSignal(true);
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal('');
  const rows = () => (inbox.latest ?? []).filter((row) => !onlyMine() || row.needsMyAction);

  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <label style={{ display: 'flex', gap: '0.5rem', 'align-items': 'center', 'margin-bottom': '1rem' }}>
        <input type="checkbox" checked={onlyMine()} onChange={(event) => setOnlyMine(event.currentTarget.checked)} />
        {t('onlyMine')}
      </label>
      <p role="status">{said()}</p>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={inbox.error}>
            <ErrorNotice message={describeError(inbox.error)} onRetry={refetch} />
          </Match>
          <Match when={inbox.latest}>
            <Show when={rows().length > 0} fallback={<p>{t('empty')}</p>}>
              <TransferTable rows={rows()} busy={inbox.loading} onOpen={setOpenId} />
            </Show>
          </Match>
        </Switch>
      </Suspense>
      <Show when={openId()} keyed>
        {(id) => (
          <TransferDetail
            transferId={id}
            onClose={() => setOpenId(null)}
            onDone={() => {
              setOpenId(null);
              setSaid(t('done'));
              refetch();
            }}
          />
        )}
      </Show>
    </section>
  );
}
