import { For, Match, Show, Suspense, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { t } from './messages.ts';

type Shown = 'open' | 'mine' | 'all';
const SHOWN: Shown[] = ['open', 'mine', 'all'];
const OPEN = ['requested', 'origin_approved', 'township_approved'];
import { TransferDetail } from './transfer-detail.tsx';
import { TransferTable } from './transfer-table.tsx';

/** The transfers inbox: requests to approve, accept or reject, and the secretary's own to follow. */
export default function TransfersPage() {
  const [inbox, { refetch }] = createResource(() => roster.transfers.inbox.query());
  // Open ones by default: a transfer just approved stays in sight while it goes on.
  const [shown, setShown] = createSignal<Shown>('open');
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal('');
  const rows = () =>
    (inbox.latest ?? []).filter((row) => (shown() === 'mine' ? row.needsMyAction : shown() === 'open' ? OPEN.includes(row.status) : true));

  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div class="field" style={{ 'max-width': '16rem' }}>
        <label for="transfers-shown">{t('show')}</label>
        <select id="transfers-shown" value={shown()} onChange={(event) => setShown(event.currentTarget.value as Shown)}>
          <For each={SHOWN}>{(value) => <option value={value}>{t(`show.${value}`)}</option>}</For>
        </select>
      </div>
      <p role="status">{said()}</p>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={inbox.error}>
            <ErrorNotice message={describeError(inbox.error)} onRetry={refetch} />
          </Match>
          <Match when={inbox.latest}>
            <Show when={rows().length > 0} fallback={<p>{(inbox.latest ?? []).length > 0 ? t('emptyShown') : t('empty')}</p>}>
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
