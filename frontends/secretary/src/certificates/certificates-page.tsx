import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { CardStyles } from '../shared/card-styles.tsx';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { loadCommittees } from './certificates-api.ts';
import { CommitteeSelect } from './committee-select.tsx';
import { IssueSection } from './issue-section.tsx';
import { t } from './messages.ts';
import { RegisterSection } from './register-section.tsx';

/**
 * 流动党员活动证 for the committee that issues them (issue 17): the register with hand-back,
 * revocation and the Excel export, then the members away who need one and the issue form.
 */
export default function CertificatesPage() {
  const [committees, { refetch }] = createResource(loadCommittees);
  const [picked, setPicked] = createSignal('');
  const [said, setSaid] = createSignal('');
  // An issue changes the register and the candidates, a hand-back the register: both reload.
  const [round, setRound] = createSignal(0);
  const committee = () => {
    const all = committees.latest ?? [];
    return all.find((org) => org.id === picked()) ?? all[0];
  };
  const changed = (text: string) => {
    setSaid(text);
    setRound((n) => n + 1);
  };

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Switch>
        <Match when={committees.error}>
          <ErrorNotice message={describeError(committees.error)} onRetry={refetch} />
        </Match>
        <Match when={committees.loading && !committees.latest}>
          <Loading />
        </Match>
        <Match when={committees.latest}>
          {(all) => (
            <Show when={committee()} fallback={<p>{t('noCommittee')}</p>}>
              {(current) => (
                <>
                  <CommitteeSelect id="certificates-committee" committees={all()} value={current().id} onChange={setPicked} />
                  <p role="status">{said()}</p>
                  <RegisterSection committee={current()} round={round()} onSaid={changed} />
                  <IssueSection committeeId={current().id} round={round()} onIssued={changed} />
                </>
              )}
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
