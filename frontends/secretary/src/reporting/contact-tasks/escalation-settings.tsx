import { Show, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { t } from './messages.ts';

type Settings = Parameters<typeof reporting.escalation.updateSettings.mutate>[0];
type Field = keyof Settings;
const RANGES: Record<Field, [number, number, 'dayRange' | 'monthRange']> = {
  reminderDay: [1, 28, 'dayRange'],
  contactTaskDay: [2, 28, 'dayRange'],
  lostContactMonths: [1, 12, 'monthRange'],
};

/** The department's escalation ladder for the county (days of the month, months missed). */
export function EscalationSettings() {
  const [settings, { refetch }] = createResource(() => reporting.escalation.settings.query());
  const [local, setLocal] = createSignal<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = createSignal(false);
  const update = createAction((input: Settings) => reporting.escalation.updateSettings.mutate(input));
  const error = (field: Field) => local()[field] ?? update.fields()[field];

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const values = {} as Settings;
    const problems: Partial<Record<Field, string>> = {};
    for (const field of Object.keys(RANGES) as Field[]) {
      const [min, max, message] = RANGES[field];
      const value = Number(data.get(field));
      if (!Number.isInteger(value) || value < min || value > max) problems[field] = t(message);
      values[field] = value;
    }
    if (!problems.contactTaskDay && !problems.reminderDay && values.contactTaskDay <= values.reminderDay) problems.contactTaskDay = t('afterReminder');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (await update.run(values)) {
      setSaved(true);
      refetch();
    }
  }

  const Num = (p: { name: Field; label: string }) => (
    <div class="field">
      <label for={`escalation-${p.name}`}>{p.label}</label>
      <input
        id={`escalation-${p.name}`}
        name={p.name}
        type="number"
        inputmode="numeric"
        min={RANGES[p.name][0]}
        max={RANGES[p.name][1]}
        value={settings()?.[p.name] ?? ''}
        aria-invalid={error(p.name) ? 'true' : undefined}
        aria-describedby={error(p.name) ? `escalation-${p.name}-error` : undefined}
      />
      <Show when={error(p.name)}><p id={`escalation-${p.name}-error`} class="field-error">{error(p.name)}</p></Show>
    </div>
  );

  return (
    <section aria-labelledby="escalation-title">
      <h2 id="escalation-title">{t('settingsTitle')}</h2>
      <p>{t('settingsIntro')}</p>
      <Show when={settings.error}>
        <ErrorNotice message={describeError(settings.error)} onRetry={refetch} />
      </Show>
      <Show when={settings() && !settings.error}>
        <form class="form" aria-labelledby="escalation-title" onSubmit={onSubmit} novalidate>
          <Num name="reminderDay" label={t('reminderDay')} />
          <Num name="contactTaskDay" label={t('contactTaskDay')} />
          <Num name="lostContactMonths" label={t('lostContactMonths')} />
          <Show when={update.error() && Object.keys(update.fields()).length === 0}>
            <ErrorNotice message={describeError(update.error())} />
          </Show>
          <div class="form-buttons">
            <button type="submit" disabled={update.pending()}>{update.pending() ? c('saving') : t('saveSettings')}</button>
          </div>
          <p role="status">{saved() ? t('settingsSaved') : ''}</p>
        </form>
      </Show>
    </section>
  );
}
