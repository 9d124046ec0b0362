import { Match, Switch } from 'solid-js';
import { m } from './messages.ts';
import type { Study } from './task-types.ts';

/** Only web addresses open from a task: a publisher's typo or a `javascript:` link stays text. */
const safeUrl = (url: string | null) => (url && /^(https?:\/\/|\/(?!\/))/i.test(url.trim()) ? url.trim() : undefined);

/** A study task's material: its text, or a link to the page or PDF (opened in a new window). */
export function StudyMaterial(props: { study: Study; open?: boolean }) {
  return (
    <Switch>
      <Match when={props.study.format === 'text' && props.study.body}>
        {(body) => (
          <details class="study" open={props.open}>
            <summary>{m('study')}</summary>
            <p style={{ 'white-space': 'pre-wrap' }}>{body()}</p>
          </details>
        )}
      </Match>
      <Match when={safeUrl(props.study.url)}>
        {(url) => (
          <p>
            <a href={url()} target="_blank" rel="noopener noreferrer">
              {props.study.format === 'pdf' ? m('openPdf') : m('openLink')}
              <span class="sr-only">{m('newWindow')}</span>
            </a>
          </p>
        )}
      </Match>
      <Match when={props.study.url}>
        {(url) => (
          <p>
            {m('study')}：{url()}
          </p>
        )}
      </Match>
    </Switch>
  );
}
