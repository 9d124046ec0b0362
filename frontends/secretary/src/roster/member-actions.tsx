import { For, Show, createSignal, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { m, type SecretaryMessageKey } from '../messages.ts';
import { ContactAttemptForm } from './contact-attempt-form.tsx';
import { CorrectLedgerForm } from './correct-ledger-form.tsx';
import { CorrectPersonalForm } from './correct-personal-form.tsx';
import { LostContactForm } from './lost-contact-form.tsx';
import { OutflowForm } from './outflow-form.tsx';
import { RecontactedForm } from './recontacted-form.tsx';
import { ReturnForm } from './return-form.tsx';
import type { MemberRecord } from './roster-api.ts';
import { RouteLink } from '../app/route-link.tsx';
import { TransferForm } from './transfer-form.tsx';

type Detail = MemberRecord;
type FormProps = { member: Detail; onDone: () => void; onCancel: () => void };
interface Action {
  id: string;
  label: SecretaryMessageKey;
  form: Component<FormProps>;
  when: (member: Detail) => boolean;
}

const active = (member: Detail) => member.status !== 'transferred_out';
const ACTIONS: Action[] = [
  { id: 'ledger', label: 'actions.correctLedger', form: CorrectLedgerForm, when: active },
  { id: 'personal', label: 'actions.correctPersonal', form: CorrectPersonalForm, when: active },
  { id: 'outflow', label: 'actions.outflow', form: OutflowForm, when: (member) => member.status === 'resident' },
  { id: 'return', label: 'actions.return', form: ReturnForm, when: (member) => member.status === 'mobile' },
  { id: 'contact', label: 'actions.contact', form: ContactAttemptForm, when: active },
  { id: 'lost', label: 'actions.lostContact', form: LostContactForm, when: (member) => member.status === 'mobile' || member.status === 'resident' },
  { id: 'recontacted', label: 'actions.recontacted', form: RecontactedForm, when: (member) => member.status === 'lost_contact' },
  { id: 'transfer', label: 'actions.transfer', form: TransferForm, when: active },
];

/**
 * The secretary's actions on one member, each an inline panel under its button (one open at
 * a time); after saving, the record, history and contacts reload and a status says so.
 */
export function MemberActions(props: { member: Detail; onChanged: () => void }) {
  const [open, setOpen] = createSignal<string>();
  const [saved, setSaved] = createSignal<string>();
  let heading: HTMLHeadingElement | undefined;
  const available = () => ACTIONS.filter((action) => action.when(props.member));

  const done = (action: Action) => {
    setOpen(undefined);
    setSaved(action.id === 'transfer' ? 'transfer' : 'saved');
    props.onChanged();
    heading?.focus();
  };

  return (
    <section aria-labelledby="member-actions">
      <h2 id="member-actions" tabindex="-1" ref={heading}>
        {m('actions.title')}
      </h2>
      <p role="status" class="saved">
        <Show when={saved() === 'saved'}>{m('form.saved')}</Show>
        <Show when={saved() === 'transfer'}>
          {m('form.transferStarted')} <RouteLink to={{ name: 'transfers' }}>{m('nav.transfers')}</RouteLink>
        </Show>
      </p>
      <ul class="actions">
        <For each={available()}>
          {(action) => (
            <li>
              <button
                type="button"
                class="secondary"
                aria-expanded={open() === action.id}
                onClick={() => {
                  setSaved(undefined);
                  setOpen((current) => (current === action.id ? undefined : action.id));
                }}
              >
                {m(action.label)}
              </button>
              <Show when={open() === action.id}>
                <div class="action-panel">
                  <Dynamic component={action.form} member={props.member} onDone={() => done(action)} onCancel={() => setOpen(undefined)} />
                </div>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
