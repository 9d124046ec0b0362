import { Show } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { m } from '../messages.ts';
import type { SetupStep } from '../route.ts';
import { explainSetupError } from '../explain-error.ts';

/** The step's "标记完成" toggle: the department says when a step is finished. */
export function MarkDone(props: { step: SetupStep; done: boolean; onChanged: () => void }) {
  const mark = createAction((input: { step: SetupStep; done: boolean }) => identity.setup.markStep.mutate(input));
  return (
    <div class="mark-done">
      <label class="check">
        <input
          type="checkbox"
          checked={props.done}
          disabled={mark.pending()}
          onChange={async (event) => {
            const box = event.currentTarget;
            if (await mark.run({ step: props.step, done: box.checked })) props.onChanged();
            else box.checked = props.done;
          }}
        />
        {m('setup.markDone')}
      </label>
      <Show when={mark.error()}>
        <ErrorNotice message={explainSetupError(mark.error())} />
      </Show>
    </div>
  );
}
