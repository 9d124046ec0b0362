import { For, Show, createResource, createSignal, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { isRateBand, yuanToFen, type DuesBand } from '@tongxin/ledger';
import { ResourceList, createAction, problemMessage } from '@tongxin/ui';
import { CardStyles } from '../shared/card-styles.tsx';
import { c } from '../shared/messages.ts';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { bandWords, yuan, type DuesRates } from './dues-api.ts';
import { t } from './messages.ts';

/** 党费交纳标准: the county's dues table, kept by its department (national standard by default). */
export default function DuesRatesPage() {
  const [rates, { refetch, mutate }] = createResource(() => roster.dues.rates.query());
  const [said, setSaid] = createSignal('');
  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('ratesTitle')}</h1>
      <p>{t('ratesIntro')}</p>
      <p role="status">{said()}</p>
      <ResourceList resource={rates} onRetry={refetch} empty={t('empty')}>
        {(lines) => (
          <div class="table-scroll">
            <table class="stack-table">
              <caption>{t('ratesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('band')}</th>
                  <th scope="col">{t('rateColumn')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={lines()}>
                  {(line) => (
                    <RateLine line={line} onSaved={(all) => { mutate(all); setSaid(t('rateSaved', { band: bandWords(line.band) })); }} />
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

/** 0.5 (%) ↔ 50 basis points: the same two-decimal reading as yuan ↔ fen. */
const percentToBp = (text: string) => yuanToFen(text);

function RateLine(props: { line: DuesRates[number]; onSaved: (all: DuesRates) => void }) {
  const band = (): DuesBand => props.line.band;
  // The line as it was when shown; a save replaces the whole table, and the field keeps what was typed.
  const [value, setValue] = createSignal(untrack(() => (props.line.rateBp !== null ? yuan(props.line.rateBp) : yuan(props.line.fixedFen))));
  const [local, setLocal] = createSignal('');
  const save = createAction((input: { band: DuesBand; rateBp?: number | null; fixedFen?: number | null }) => roster.dues.setRate.mutate(input));
  const id = () => `dues-rate-${band()}`;
  const error = () => local() || Object.values(save.fields())[0] || (save.error() ? problemMessage(save.error()) : '');

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = percentToBp(value());
    const bad = parsed === null || parsed < 0 || (isRateBand(band()) && parsed > 10_000);
    setLocal(bad ? (isRateBand(band()) ? t('rateInvalid') : t('amountInvalid')) : '');
    if (bad) return;
    const result = await save.run(isRateBand(band()) ? { band: band(), rateBp: parsed } : { band: band(), fixedFen: parsed });
    if (result) props.onSaved(result.output);
  }

  return (
    <tr>
      <th scope="row" data-label={t('band')}>
        {bandWords(band())}
        <span class="meta">（{props.line.county ? t('county') : t('national')}）</span>
      </th>
      <td data-label={t('rateColumn')}>
        <form class="toolbar" onSubmit={onSubmit} novalidate>
          <div class="field">
            <label for={id()}>{isRateBand(band()) ? t('ratePercent', { band: bandWords(band()) }) : t('rateAmount', { band: bandWords(band()) })}</label>
            <input id={id()} inputmode="decimal" value={value()} onInput={(event) => setValue(event.currentTarget.value)}
              aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? `${id()}-error` : undefined} />
            <Show when={error()}>{(text) => <p class="field-error" id={`${id()}-error`}>{text()}</p>}</Show>
          </div>
          <button type="submit" class="small" disabled={save.pending()}>{save.pending() ? c('saving') : t('save')}</button>
        </form>
      </td>
    </tr>
  );
}
