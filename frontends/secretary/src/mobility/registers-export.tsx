import { For, Show, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { chinaDate, chinaYear } from '@tongxin/calendar';
import { locale } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { loadXlsx, saveFile } from '../shared/save-file.ts';
import { t } from './messages.ts';

/**
 * The 失联党员登记表 and 恢复联系党员登记表 of a year as one workbook (official columns, built in
 * the browser: exceljs loads on the click).
 */
export function RegistersExport() {
  const thisYear = chinaYear(new Date());
  const [year, setYear] = createSignal(thisYear);
  const [state, setState] = createSignal<'' | 'busy' | 'done'>('');
  const [error, setError] = createSignal<unknown>();

  async function download() {
    setState('busy');
    setError(undefined);
    try {
      const [registers, { buildLostContactRegisters }] = await Promise.all([roster.mobility.lostContactRegisters.query({ year: year() }), loadXlsx()]);
      const date = chinaDate(new Date());
      const bytes = await buildLostContactRegisters(registers, locale(), { orgName: registers.orgName, date });
      saveFile(bytes, `${registers.orgName}-${t('registersFile', { year: year() })}-${date}.xlsx`);
      setState('done');
    } catch (failure) {
      setError(failure);
      setState('');
    }
  }

  return (
    <div class="toolbar">
      <div class="field">
        <label for="registers-year">{t('registersYear')}</label>
        <select id="registers-year" value={String(year())} onChange={(event) => setYear(Number(event.currentTarget.value))}>
          <For each={[thisYear, thisYear - 1, thisYear - 2]}>{(y) => <option value={String(y)}>{y}</option>}</For>
        </select>
      </div>
      <button type="button" class="secondary" disabled={state() === 'busy'} onClick={download}>
        {state() === 'busy' ? t('registersBusy') : t('registersExport')}
      </button>
      <p role="status">{state() === 'done' ? t('registersDone') : ''}</p>
      <Show when={error()}>
        <ErrorNotice message={describeError(error())} />
      </Show>
    </div>
  );
}
