import { For, Show, createSignal } from 'solid-js';
import { t, type MessageKey } from '@tongxin/i18n';
import { OptionalMark } from '@tongxin/ui';
import { m } from './messages.ts';
import { MAX_PHOTOS, type Photo, type createPhotoUploads } from './photo-uploads.ts';
import { lastingProblem, type PhotoProblem } from './upload-photo.ts';

const problemText = (problem: PhotoProblem | null) =>
  problem === 'notImage' || problem === 'tooBig' || problem === 'unreadable' || problem === 'overQuota' ? m(`photo.${problem}`) : t(`error.${problem ?? 'server'}` as MessageKey);

function statusText(photo: Photo) {
  if (photo.status === 'failed') return `${m('photo.failed')}：${problemText(photo.problem)}`;
  if (photo.status === 'uploading') return m('photo.uploading', { percent: photo.percent });
  return m(`photo.${photo.status}`);
}

/**
 * The photos of a completion: why they are asked (brief: "a photo only when the publisher
 * says why"), a labelled picker, and each photo's thumbnail, progress and state, with retry
 * (when sending again can help) and remove. The file input is the control (keyboard, screen readers and tests reach it by
 * its label); it is drawn as a button.
 */
export function PhotoField(props: {
  id: string;
  uploads: ReturnType<typeof createPhotoUploads>;
  required: boolean;
  reason: string | null;
  error: string | undefined;
  onAdded?: () => void;
}) {
  const [leftOut, setLeftOut] = createSignal(0);
  const done = () => props.uploads.photos.filter((photo) => photo.status === 'done').length;
  const kept = () => props.uploads.photos.filter((photo) => photo.status === 'kept').length;
  const describedBy = () => [`${props.id}-hint`, props.reason ? `${props.id}-why` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');

  return (
    <fieldset class="choices photo-field">
      <legend>
        {m('photos')}
        <Show when={!props.required}>
          <OptionalMark />
        </Show>
      </legend>
      <Show when={props.reason}>
        <p id={`${props.id}-why`} class="reply" style={{ margin: 0 }}>{m('photoWhy', { reason: props.reason! })}</p>
      </Show>
      <p id={`${props.id}-hint`} class="muted" style={{ margin: 0 }}>{m('photosHint', { max: MAX_PHOTOS })}</p>
      <Show when={props.uploads.photos.length > 0}>
        <ul class="photos">
          <For each={props.uploads.photos}>
            {(photo, at) => (
              <li>
                <Show when={photo.preview} fallback={<span class="thumb" aria-hidden="true" />}>
                  {(src) => <img class="thumb" src={src()} alt={m('photoName', { n: at() + 1 })} />}
                </Show>
                <div class="photo-state">
                  <span>{m('photoName', { n: at() + 1 })} · <span classList={{ 'field-error': photo.status === 'failed' }}>{statusText(photo)}</span></span>
                  {/* Decoding and encoding say no percentage: the bar moves without one. */}
                  <Show when={photo.status === 'compressing'}>
                    <progress aria-label={m('progressLabel', { n: at() + 1 })} />
                  </Show>
                  <Show when={photo.status === 'uploading'}>
                    <progress max="100" value={photo.percent} aria-label={m('progressLabel', { n: at() + 1 })} />
                  </Show>
                  <div class="photo-buttons">
                    {/* Retrying helps a dropped connection, not a file that is no photo or too big: that one can only be removed. */}
                    <Show when={photo.status === 'failed' && !lastingProblem(photo.problem)}>
                      <button type="button" class="secondary" onClick={() => props.uploads.retry(photo.key)}>
                        {m('retryPhoto', { n: at() + 1 })}
                      </button>
                    </Show>
                    <button type="button" class="secondary" onClick={() => props.uploads.remove(photo.key)}>
                      {m('removePhoto', { n: at() + 1 })}
                    </button>
                  </div>
                </div>
              </li>
            )}
          </For>
        </ul>
        <p role="status" class="muted" style={{ margin: 0 }}>
          {kept() > 0 ? m('keptCount', { kept: kept(), total: props.uploads.photos.length }) : m('uploadedCount', { done: done(), total: props.uploads.photos.length })}
        </p>
      </Show>
      <Show when={props.uploads.photos.length < MAX_PHOTOS}>
        <label class="photo-add">
          <input
            id={props.id}
            name="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/*"
            multiple
            aria-describedby={describedBy()}
            aria-invalid={props.error ? 'true' : undefined}
            onChange={(event) => {
              const input = event.currentTarget;
              setLeftOut(props.uploads.add(Array.from(input.files ?? [])));
              props.onAdded?.();
              input.value = ''; // the same photo can be chosen again after removing it
            }}
          />
          {m('addPhotos')}
        </label>
      </Show>
      <Show when={leftOut() > 0}>
        <p class="muted" role="status" style={{ margin: 0 }}>{m('tooMany', { max: MAX_PHOTOS })}</p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">{props.error}</p>
      </Show>
    </fieldset>
  );
}
