import { Match, Suspense, Switch, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { ExportSection } from './export-section.tsx';
import { ImportSection } from './import-section.tsx';
import { t } from './messages.ts';

/** Enter once (brief "Burden rules"): import the spreadsheets counties have, export the forms asked for. */
export default function ExcelPage() {
  // The orgs in scope: the default branch of an import, the org of an export.
  const [orgs, { refetch }] = createResource(() => roster.orgs.tree.query({}));

  return (
    <section>
      <h1>{t('title')}</h1>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={orgs.error}>
            <ErrorNotice message={describeError(orgs.error)} onRetry={refetch} />
          </Match>
          <Match when={orgs()}>
            {(list) => (
              <>
                <ImportSection orgs={list()} />
                <ExportSection orgs={list()} />
              </>
            )}
          </Match>
        </Switch>
      </Suspense>
    </section>
  );
}
