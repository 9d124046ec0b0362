import { For, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { LostContactProposalRow } from './lost-contact-proposal-row.tsx';
import { t } from './messages.ts';

/**
 * 建议标记失联: members the monthly-report ladder proposes (months without a report and a
 * failed contact) or the 6-month rule does (6 months since roster's last contact). The secretary confirms with a reason or dismisses; `onConfirmed` lets the
 * page refresh the lost-contact register.
 */
export function LostContactProposalsSection(props: { onConfirmed: () => void }) {
  const [said, setSaid] = createSignal('');
  const [proposals, { refetch }] = createResource(() => roster.mobility.lostContactProposals.query({ status: 'pending' }));

  return (
    <section aria-labelledby="lost-proposals-heading">
      <h2 id="lost-proposals-heading">{t('lostProposalsTitle')}</h2>
      <p>{t('lostProposalsIntro')}</p>
      <p role="status">{said()}</p>
      <ResourceList resource={proposals} onRetry={refetch} empty={t('lostProposalsEmpty')}>
        {(rows) => (
          <div class="table-scroll">
            <table aria-busy={proposals.loading}>
              <caption>{t('placementsCaption', { count: format(rows().length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('branch')}</th>
                  <th scope="col">{t('missedMonths')}</th>
                  <th scope="col">{t('proposedAt')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <LostContactProposalRow
                      row={row}
                      onDecided={(decision) => {
                        setSaid(t('decided', { name: row.name }));
                        if (decision === 'confirm') props.onConfirmed();
                        refetch();
                      }}
                    />
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </ResourceList>
    </section>
  );
}
