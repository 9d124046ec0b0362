import { onCleanup } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { identity } from '@tongxin/api-client';
import { newIdempotencyKey } from '@tongxin/ui';
import { PhotoError, compressPhoto, lastingProblem, uploadPhoto, type PhotoProblem } from './upload-photo.ts';
import type { WaitingPhoto } from './waiting-photos.ts';

/** `kept`: resized and kept on the phone while offline; it goes with the completion (issue 18). */
export type PhotoStatus = 'waiting' | 'compressing' | 'uploading' | 'done' | 'kept' | 'failed';

export interface Photo {
  key: number;
  status: PhotoStatus;
  percent: number;
  problem: PhotoProblem | null;
  photoId: string | null;
  /** Sent with every try of its upload: the server answers a retry with the photo it stored. */
  uploadKey: string;
  /** The compressed photo's object URL (or a kept photo's address), shown as a thumbnail once it exists. */
  preview: string | null;
}

/** The id in a photo's address (`/api/tasks/evidence/:photoId`), as completions list them. */
const photoIdOf = (url: string) => decodeURIComponent(url.split('?')[0]!.split('/').pop() ?? '');

/** At most this many photos per completion (the server's limit). */
export const MAX_PHOTOS = 6;

/**
 * The photos of one completion, each compressed and uploaded as soon as it is chosen, one at
 * a time (on a poor connection parallel uploads only slow each other down). A failed one can
 * be retried without compressing it again. Offline, a compressed photo is kept on the phone
 * (`kept`) and goes with the completion, through the queue (issue 18); it is uploaded at once
 * when the network comes back while the form is open.
 */
export function createPhotoUploads(kept: readonly string[] = []) {
  // A rejected completion's photos stay unless the member removes them: a rejection over
  // the number should not make anyone take and upload the photos again (brief: enter once).
  let nextKey = 1;
  const [photos, setPhotos] = createStore<Photo[]>(
    kept.slice(0, MAX_PHOTOS).map((url) => ({ key: nextKey++, status: 'done', percent: 100, problem: null, photoId: photoIdOf(url), uploadKey: newIdempotencyKey(), preview: url })),
  );
  const files = new Map<number, File>();
  const compressed = new Map<number, Blob>();
  let running = false;
  const revoke = (preview: string | null) => preview?.startsWith('blob:') && URL.revokeObjectURL(preview);

  const index = (key: number) => photos.findIndex((photo) => photo.key === key);
  const update = (key: number, patch: Partial<Photo>) => {
    const at = index(key);
    if (at >= 0) setPhotos(at, patch);
  };

  async function process(key: number) {
    try {
      let blob = compressed.get(key);
      if (!blob) {
        update(key, { status: 'compressing', percent: 0, problem: null });
        blob = await compressPhoto(files.get(key)!);
        if (index(key) < 0) return; // removed meanwhile
        compressed.set(key, blob);
        files.delete(key);
        update(key, { preview: URL.createObjectURL(blob) });
      }
      if (navigator.onLine === false) return update(key, { status: 'kept', percent: 0 });
      update(key, { status: 'uploading', percent: 0, problem: null });
      const photoId = await uploadPhoto(blob, photos[index(key)]!.uploadKey, () => identity.auth.refresh.mutate(), (percent) => update(key, { percent }));
      update(key, { status: 'done', percent: 100, photoId });
    } catch (failure) {
      const problem = failure instanceof PhotoError ? failure.problem : 'server';
      // No answer, with the photo already small: it waits on the phone for the completion.
      if (problem === 'network' && compressed.has(key)) update(key, { status: 'kept', percent: 0 });
      else update(key, { status: 'failed', problem });
    }
  }

  async function pump() {
    if (running) return;
    running = true;
    try {
      for (let next = photos.find((photo) => photo.status === 'waiting'); next; next = photos.find((photo) => photo.status === 'waiting')) {
        await process(next.key);
      }
    } finally {
      running = false;
    }
  }

  /** Adds what fits under the limit; answers how many were left out. */
  function add(chosen: File[]): number {
    const room = Math.max(0, MAX_PHOTOS - photos.length);
    const taken = chosen.slice(0, room);
    setPhotos(
      produce((list) => {
        for (const file of taken) {
          const key = nextKey++;
          files.set(key, file);
          list.push({ key, status: 'waiting', percent: 0, problem: null, photoId: null, uploadKey: newIdempotencyKey(), preview: null });
        }
      }),
    );
    void pump();
    return chosen.length - taken.length;
  }

  function retry(key: number) {
    update(key, { status: 'waiting', percent: 0, problem: null });
    void pump();
  }

  function remove(key: number) {
    revoke(photos[index(key)]?.preview ?? null);
    files.delete(key);
    compressed.delete(key);
    setPhotos((list) => list.filter((item) => item.key !== key));
  }

  // Back online with the form open: the kept photos upload now, as if just chosen.
  const online = () => {
    for (const photo of photos) if (photo.status === 'kept') update(photo.key, { status: 'waiting' });
    void pump();
  };
  window.addEventListener('online', online);
  onCleanup(() => {
    window.removeEventListener('online', online);
    for (const photo of photos) revoke(photo.preview);
  });

  return {
    photos,
    add,
    retry,
    remove,
    ids: () => photos.flatMap((photo) => (photo.photoId ? [photo.photoId] : [])),
    /** Every usable photo, in order, for the completion: uploaded ones by id, kept ones as the resized blob with its key. */
    toSend: (): WaitingPhoto[] =>
      photos.flatMap((photo): WaitingPhoto[] => {
        if (photo.photoId) return [{ photoId: photo.photoId }];
        const blob = compressed.get(photo.key);
        return photo.status === 'kept' && blob ? [{ uploadKey: photo.uploadKey, blob }] : [];
      }),
    busy: () => photos.some((photo) => photo.status === 'waiting' || photo.status === 'compressing' || photo.status === 'uploading'),
    failed: () => photos.some((photo) => photo.status === 'failed'),
    /** A failed photo that only removing can settle (not an image, unreadable, too big). */
    lastingFailure: () => photos.some((photo) => photo.status === 'failed' && lastingProblem(photo.problem)),
  };
}
