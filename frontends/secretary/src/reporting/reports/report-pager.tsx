import { Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { pageCount, pageRange } from './report-paging.ts';
import { t } from './messages.ts';

/** Which members this page shows of how many, and the way to the pages before and after. */
export function ReportPager(props: { page: number; total: number; busy: boolean; onPage: (page: number) => void }) {
  const pages = () => pageCount(props.total);
  const range = () => pageRange(props.page, props.total);
  return (
    <div class="pager">
      <p class="meta" aria-live="polite">
        {t('pageRange', { first: format(range().first), last: format(range().last), total: format(props.total) })}
      </p>
      <Show when={pages() > 1}>
        <nav aria-label={t('pages')}>
          <button type="button" class="secondary" disabled={props.page <= 1 || props.busy} onClick={() => props.onPage(props.page - 1)}>
            {t('previousPage')}
          </button>{' '}
          <span>{t('pageOf', { page: format(props.page), pages: format(pages()) })}</span>{' '}
          <button type="button" class="secondary" disabled={props.page >= pages() || props.busy} onClick={() => props.onPage(props.page + 1)}>
            {t('nextPage')}
          </button>
        </nav>
      </Show>
    </div>
  );
}
