import { t } from '@tongxin/i18n';

/** After a field's label: the one marker of an optional field (（选填） / (optional)), from the dictionaries. */
export function OptionalMark() {
  return <span class="muted"> {t('app.optional')}</span>;
}
