import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { chinaYear } from '@tongxin/calendar';
import { locale, t as words } from '@tongxin/i18n';
import { CERTIFICATE_REMIND_DAYS } from '@tongxin/ledger';
import { ResourceList } from '@tongxin/ui';
import { formatDate } from '../shared/format-date.ts';
import { loadXlsx, saveFile } from '../shared/save-file.ts';
import { CERTIFICATE_STATUSES, daysUntil, today, type CertificateStatus, type RegisterRow } from './certificates-api.ts';
import { CloseForm, RevokeForm } from './close-form.tsx';
import { t, type CertificatesMessageKey } from './messages.ts';

const BADGE: Record<CertificateStatus, string> = { valid: 'badge badge-good', returned: 'badge', expired: 'badge badge-warn', revoked: 'badge badge-bad' };

/** 广东省深圳: the province before the city, unless the city already starts with it. */
const placeOf = (row: Pick<RegisterRow, 'destinationProvince' | 'destinationCity'>) =>
  row.destinationProvince && !row.destinationCity.startsWith(row.destinationProvince.replace(/省$/, '')) ? `${row.destinationProvince}${row.destinationCity}` : row.destinationCity;

/**
 * The committee's register (登记簿): every certificate of the members under it, newest number
 * first, with its state, the check-ins that reference it, and the hand-back or revocation of
 * a valid one; exported as the official workbook (exceljs loaded on the click).
 */
export function RegisterSection(props: { committee: { id: string; name: string }; round: number; onSaid: (said: string) => void }) {
  const thisYear = chinaYear(new Date());
  const [year, setYear] = createSignal<number | ''>(thisYear);
  const [status, setStatus] = createSignal<CertificateStatus | ''>('');
  const [acting, setActing] = createSignal<{ id: string; action: 'close' | 'revoke' } | null>(null);
  const [exporting, setExporting] = createSignal<'' | 'busy' | 'failed'>('');
  const query = () => ({ orgId: props.committee.id, year: year() || undefined, status: status() || undefined, round: props.round });
  const [register, { refetch }] = createResource(query, ({ round: _round, ...input }) => roster.certificates.register.query(input));

  async function exportRegister(rows: readonly RegisterRow[]) {
    setExporting('busy');
    try {
      const { buildCertificateRegister } = await loadXlsx();
      const bytes = await buildCertificateRegister(rows, locale(), { orgName: props.committee.name, date: today() });
      saveFile(bytes, `${props.committee.name}-${t('registerTitle')}-${today()}.xlsx`);
      setExporting('');
    } catch {
      setExporting('failed');
    }
  }

  // The page counts the change (`round`), which reloads this list.
  const done = (said: string) => {
    setActing(null);
    props.onSaid(said);
  };

  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{t('registerTitle')}</h2>
      <div class="toolbar">
        <div class="field">
          <label for="register-year">{t('year')}</label>
          <select id="register-year" value={String(year())} onChange={(event) => setYear(event.currentTarget.value ? Number(event.currentTarget.value) : '')}>
            <For each={[thisYear, thisYear - 1, thisYear - 2]}>{(y) => <option value={String(y)}>{y}</option>}</For>
            <option value="">{t('allYears')}</option>
          </select>
        </div>
        <div class="field">
          <label for="register-status">{t('status')}</label>
          <select id="register-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as CertificateStatus | '')}>
            <option value="">{t('anyStatus')}</option>
            <For each={CERTIFICATE_STATUSES}>{(s) => <option value={s}>{t(`status.${s}`)}</option>}</For>
          </select>
        </div>
      </div>
      <ResourceList resource={register} onRetry={refetch} empty={t('registerEmpty')}>
        {(rows) => (
          <>
            <p>
              <button type="button" class="secondary" disabled={exporting() === 'busy'} onClick={() => exportRegister(rows())}>
                {exporting() === 'busy' ? t('exporting') : t('export')}
              </button>
            </p>
            <p role="status">{exporting() === 'failed' ? t('exportFailed') : ''}</p>
            <div class="table-scroll">
              <table class="stack-table" aria-busy={register.loading}>
                <caption>{t('registerCaption', { org: props.committee.name, count: rows().length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('number')}</th>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('branch')}</th>
                    <th scope="col">{t('destination')}</th>
                    <th scope="col">{t('reason')}</th>
                    <th scope="col">{t('issuedOn')}</th>
                    <th scope="col">{t('validUntil')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('handedBackOn')}</th>
                    <th scope="col">{t('checkedIn')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(row) => (
                      <tr>
                        <th scope="row" data-label={t('number')}>{row.number}</th>
                        <td data-label={t('name')}>{row.holderName}</td>
                        <td data-label={t('branch')}>{row.branchName}</td>
                        <td data-label={t('destination')}>{placeOf(row)}</td>
                        <td data-label={t('reason')}>{row.reasonCode ? words(`awayReason.${row.reasonCode}`) : ''}</td>
                        <td data-label={t('issuedOn')}>{formatDate(row.issuedOn)}</td>
                        <td data-label={t('validUntil')}>{formatDate(row.validUntil)}</td>
                        <td data-label={t('status')}>
                          <span class={BADGE[row.status]}>{t(`status.${row.status}` as CertificatesMessageKey)}</span>
                          <Show when={row.status === 'valid' && daysUntil(row.validUntil) <= CERTIFICATE_REMIND_DAYS}>
                            {' '}<span class="badge badge-warn">{t('endingSoon', { days: daysUntil(row.validUntil) })}</span>
                          </Show>
                        </td>
                        <td data-label={t('handedBackOn')}>{formatDate(row.handedBackOn)}</td>
                        <td data-label={t('checkedIn')}>{row.checkedInWith.join('、')}</td>
                        <td data-label={t('actions')}>
                          <Show when={row.status === 'valid' || row.status === 'expired'}>
                            <div class="form-buttons">
                              <button type="button" class="small" aria-label={t('closeFor', { name: row.holderName, number: row.number })}
                                onClick={() => setActing({ id: row.id, action: 'close' })}>{t('close')}</button>
                              <Show when={row.status === 'valid'}>
                                <button type="button" class="small secondary" aria-label={t('revokeFor', { name: row.holderName, number: row.number })}
                                  onClick={() => setActing({ id: row.id, action: 'revoke' })}>{t('revoke')}</button>
                              </Show>
                            </div>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={acting()} keyed>
              {(current) => (
                <Show when={rows().find((row) => row.id === current.id)}>
                  {(row) => (
                    <Switch>
                      <Match when={current.action === 'close'}>
                        <CloseForm row={row()} onDone={done} onCancel={() => setActing(null)} />
                      </Match>
                      <Match when={current.action === 'revoke'}>
                        <RevokeForm row={row()} onDone={done} onCancel={() => setActing(null)} />
                      </Match>
                    </Switch>
                  )}
                </Show>
              )}
            </Show>
          </>
        )}
      </ResourceList>
    </section>
  );
}
