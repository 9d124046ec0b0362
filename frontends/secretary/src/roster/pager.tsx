import { t } from '@tongxin/i18n';

export function Pager(props: { page: number; pages: number; busy: boolean; onPage: (page: number) => void }) {
  return (
    <nav class="pager" aria-label={t('secretary.pages')}>
      <button type="button" class="secondary" disabled={props.page <= 1 || props.busy} onClick={() => props.onPage(props.page - 1)}>
        {t('secretary.previous')}
      </button>
      <button type="button" class="secondary" disabled={props.page >= props.pages || props.busy} onClick={() => props.onPage(props.page + 1)}>
        {t('secretary.next')}
      </button>
    </nav>
  );
}
