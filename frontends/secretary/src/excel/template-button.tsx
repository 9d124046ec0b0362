import { createSignal } from 'solid-js';
import { locale } from '@tongxin/i18n';
import { t } from './messages.ts';
import { loadXlsx, saveFile } from '../shared/save-file.ts';

/** The import template in the user's language (headers, drop-downs, an example row). */
export function TemplateButton() {
  const [busy, setBusy] = createSignal(false);
  async function download() {
    setBusy(true);
    try {
      const xlsx = await loadXlsx();
      saveFile(await xlsx.buildTemplate(locale()), `${t('templateFile')}.xlsx`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" class="secondary" disabled={busy()} aria-busy={busy()} onClick={download}>
      {t('template')}
    </button>
  );
}
