import { Match, Show, Switch, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { CloseOrgButton } from './close-org-button.tsx';
import { CreateOrgForm } from './create-org-form.tsx';
import { c, type SharedMessageKey } from '../shared/messages.ts';
import { t } from './messages.ts';
import { MoveOrgForm } from './move-org-form.tsx';
import { OrgHistory } from './org-history.tsx';
import { takesChildren, type TreeOrg } from '../shared/org-types.ts';
import { RenameOrgForm } from './rename-org-form.tsx';

type Panel = 'none' | 'create' | 'rename' | 'move';

/** The selected organization: its facts, what the secretary may do with it, its history. */
export function OrgDetails(props: { org: TreeOrg; orgs: readonly TreeOrg[]; members: number; onChanged: () => void }) {
  const [panel, setPanel] = createSignal<Panel>('none');
  const [said, setSaid] = createSignal('');
  const finished = () => {
    setPanel('none');
    setSaid(t('done'));
    props.onChanged();
  };
  const place = () => [props.org.province, props.org.city, props.org.place].filter(Boolean).join(' ');

  return (
    <section aria-labelledby="org-heading">
      <h2 id="org-heading">{props.org.name}</h2>
      <dl class="facts">
        <dt>{t('kind')}</dt>
        <dd>{c(`kind.${props.org.kind}` as SharedMessageKey)}</dd>
        <Show when={place()}>
          <dt>{t('place')}</dt>
          <dd>{place()}</dd>
        </Show>
        <Show when={props.org.address}>
          <dt>{t('address')}</dt>
          <dd>{props.org.address}</dd>
        </Show>
        <dt>{t('memberCount')}</dt>
        <dd>{format(props.members)}</dd>
      </dl>
      <p role="status">{said()}</p>
      <Show when={props.org.canManage}>
        <div style={{ display: 'flex', 'flex-wrap': 'wrap', gap: '0.5rem', margin: '1rem 0' }}>
          <Show when={takesChildren(props.org.kind)}>
            <button type="button" class="secondary" aria-expanded={panel() === 'create'} onClick={() => setPanel('create')}>{t('addChild')}</button>
          </Show>
          <button type="button" class="secondary" aria-expanded={panel() === 'rename'} onClick={() => setPanel('rename')}>{t('rename')}</button>
          <button type="button" class="secondary" aria-expanded={panel() === 'move'} onClick={() => setPanel('move')}>{t('move')}</button>
          <CloseOrgButton org={props.org} onClosed={finished} />
        </div>
        <Switch>
          <Match when={panel() === 'create'}>
            <CreateOrgForm parent={props.org} onDone={finished} onCancel={() => setPanel('none')} />
          </Match>
          <Match when={panel() === 'rename'}>
            <RenameOrgForm org={props.org} onDone={finished} onCancel={() => setPanel('none')} />
          </Match>
          <Match when={panel() === 'move'}>
            <MoveOrgForm org={props.org} orgs={props.orgs} onDone={finished} onCancel={() => setPanel('none')} />
          </Match>
        </Switch>
      </Show>
      <OrgHistory orgId={props.org.id} orgs={props.orgs} />
    </section>
  );
}
