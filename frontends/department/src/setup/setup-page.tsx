import { For, Match, Show, Switch, createEffect, createResource, on, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { RouteLink } from '../links.tsx';
import { m, type DepartmentMessageKey } from '../messages.ts';
import { SETUP_STEPS, route, type SetupStep } from '../route.ts';
import { GoLiveStep } from './go-live-step.tsx';
import { MarkDone } from './mark-done.tsx';
import { ProfileStep } from './profile-step.tsx';
import type { StepProps } from './setup-api.ts';
import { isStepDone, resumeAt } from './setup-progress.ts';
import { AccountsStep, MembersStep, OrgsStep, SecretariesStep, SettingsStep } from './link-steps.tsx';

const label = (step: SetupStep) => m(`step.${step}` as DepartmentMessageKey);

const STEP_BODIES: Record<SetupStep, Component<StepProps>> = {
  profile: ProfileStep,
  orgs: OrgsStep,
  members: MembersStep,
  secretaries: SecretariesStep,
  settings: SettingsStep,
  accounts: AccountsStep,
  live: GoLiveStep,
};

/**
 * 开通向导: the county sets itself up, step by step, leaving and resuming at will. The
 * progress is the server's (`setup.get`: the steps marked done and the checklist it computes).
 */
export default function SetupPage() {
  const [setup, { refetch }] = createResource(() => identity.setup.get.query());
  const state = () => (setup.error ? undefined : setup.latest);
  const step = (): SetupStep => {
    const r = route();
    return (r.name === 'setup' && r.step) || resumeAt(state());
  };
  const index = () => SETUP_STEPS.indexOf(step());
  const done = () => SETUP_STEPS.filter((s) => { const current = state(); return current !== undefined && isStepDone(current, s); }).length;
  let stepHeading: HTMLHeadingElement | undefined;
  // Another step: its heading takes the focus, as a new page's would.
  createEffect(on(step, () => stepHeading?.focus(), { defer: true }));

  return (
    <section class="setup">
      <h1>{m('setup.title')}</h1>
      <p>{m('setup.intro')}</p>
      <Switch>
        <Match when={setup.error}>
          <ErrorNotice message={describeError(setup.error)} onRetry={refetch} />
        </Match>
        <Match when={state()}>
          {(current) => (
            <>
              {/* The last step says it itself, beside the checklist. */}
              <Show when={step() !== 'live' && current().tenant.liveAt}>
                {(liveAt) => (
                  <div class="notice notice-good">
                    <p>{m('setup.live', { date: format(new Date(liveAt())) })}</p>
                    <p>{m('live.directory')}</p>
                  </div>
                )}
              </Show>
              <p class="progress">
                <strong>{m('setup.progress', { step: format(index() + 1), total: format(SETUP_STEPS.length) })}</strong>
                {' · '}
                {m('setup.doneCount', { done: format(done()), total: format(SETUP_STEPS.length) })}
              </p>
              <div class="progress-bar" aria-hidden="true">
                <span style={{ width: `${Math.round((done() / SETUP_STEPS.length) * 100)}%` }} />
              </div>
              <nav aria-label={m('setup.stepsLabel')}>
                <ol class="steps">
                  <For each={SETUP_STEPS}>
                    {(s) => (
                      <li>
                        <RouteLink to={{ name: 'setup', step: s }} current={s === step() ? 'step' : false}>
                          {label(s)}
                        </RouteLink>
                        <Show when={isStepDone(current(), s)}>
                          <span class="done">{m('setup.doneMark')}</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
              </nav>
              <section class="step-body" aria-labelledby="setup-step-title">
                <h2 id="setup-step-title" tabindex="-1" ref={stepHeading}>
                  {label(step())}
                </h2>
                <Dynamic component={STEP_BODIES[step()]} state={current()} onChanged={refetch} />
                {/* Once live every step counts as done: nothing is left to mark. */}
                <Show when={step() !== 'live' && !current().tenant.liveAt}>
                  <MarkDone step={step()} done={current().steps.includes(step())} onChanged={refetch} />
                </Show>
                <div class="step-nav">
                  <Show when={index() > 0} fallback={<span />}>
                    <RouteLink to={{ name: 'setup', step: SETUP_STEPS[index() - 1]! }}>← {m('setup.previous')}</RouteLink>
                  </Show>
                  <Show when={index() < SETUP_STEPS.length - 1}>
                    <RouteLink to={{ name: 'setup', step: SETUP_STEPS[index() + 1]! }}>{m('setup.next')} →</RouteLink>
                  </Show>
                </div>
              </section>
            </>
          )}
        </Match>
        <Match when={setup.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
