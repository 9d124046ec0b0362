import { For, Show } from 'solid-js';
import { t } from './messages.ts';

/** A completion's photos as thumbnails; each opens full size in a new tab. */
export function EvidencePhotos(props: { photos: readonly string[]; memberName: string }) {
  return (
    <Show when={props.photos.length > 0}>
      <ul class="photos" aria-label={t('photos')}>
        <For each={props.photos}>
          {(url, i) => (
            <li>
              <a href={url} target="_blank" rel="noopener">
                <img src={url} alt={t('photoAlt', { name: props.memberName, n: i() + 1 })} loading="lazy" />
              </a>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
