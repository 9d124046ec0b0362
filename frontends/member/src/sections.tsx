import { Match, Switch, lazy } from 'solid-js';
import type { Profile } from './profile.ts';
import { page } from './route.ts';

// Each section is a chunk of its own with its own words: the first load a member on a poor
// connection waits for stays the ledger's (frontends/README.md, measured).
const CheckinPage = lazy(() => import('./checkin/checkin-page.tsx'));
const ReportPage = lazy(() => import('./report/report-page.tsx'));
const MeetingsPage = lazy(() => import('./meetings/meetings-page.tsx'));
const TasksPage = lazy(() => import('./tasks/tasks-page.tsx'));
const PointsPage = lazy(() => import('./points/points-page.tsx'));
const SuggestionsPage = lazy(() => import('./suggestions/suggestions-page.tsx'));
const InboxPage = lazy(() => import('./inbox/inbox-page.tsx'));
const CertificatePage = lazy(() => import('./certificate/certificate-page.tsx'));
const DuesPage = lazy(() => import('./dues/dues-page.tsx'));
const MobilityPage = lazy(() => import('./mobility/mobility-page.tsx'));

/** Every section but the ledger. */
export default function Sections(props: { me: Profile; onLedgerChanged: () => void; onReadChanged: () => void }) {
  return (
    <Switch>
      <Match when={page() === 'checkin'}>
        <CheckinPage />
      </Match>
      <Match when={page() === 'report'}>
        <ReportPage me={props.me} onLedgerChanged={props.onLedgerChanged} />
      </Match>
      <Match when={page() === 'meetings'}>
        <MeetingsPage />
      </Match>
      <Match when={page() === 'tasks'}>
        <TasksPage me={props.me} />
      </Match>
      <Match when={page() === 'points'}>
        <PointsPage />
      </Match>
      <Match when={page() === 'suggestions'}>
        <SuggestionsPage me={props.me} />
      </Match>
      <Match when={page() === 'inbox'}>
        <InboxPage onReadChanged={props.onReadChanged} />
      </Match>
      <Match when={page() === 'certificate'}>
        <CertificatePage />
      </Match>
      <Match when={page() === 'dues'}>
        <DuesPage />
      </Match>
      <Match when={page() === 'mobility'}>
        <MobilityPage />
      </Match>
    </Switch>
  );
}
