import type { tasks } from '@tongxin/api-client';
import { PhotoError, uploadPhoto, type Refresh } from './upload-photo.ts';
import { photoFailure, uploadWaitingPhotos, type WaitingPhoto } from './waiting-photos.ts';

type SubmitInput = Parameters<typeof tasks.completions.submit.mutate>[0];
/** A completion as it is sent or waits in the queue: its photos in place of their ids. */
export type CompletionWrite = Omit<SubmitInput, 'idempotencyKey' | 'photoIds'> & { photos: WaitingPhoto[] };
/** The calls it makes, handed in by the queue (see `Refresh`: no API client in this chunk). */
export interface CompletionApi {
  submit: (input: SubmitInput) => Promise<unknown>;
  refresh: Refresh;
}

/**
 * Sends a completion (issue 18): first the photos still on the phone, each recorded as
 * uploaded as soon as it is (`keep`), then the completion with all their ids and the key it
 * was made with. Loaded by the queue only when a completion is sent.
 */
export async function sendCompletion(input: CompletionWrite, idempotencyKey: string, keep: (input: CompletionWrite) => Promise<void>, api: CompletionApi) {
  const { photos, ...completion } = input;
  let photoIds: string[];
  try {
    photoIds = await uploadWaitingPhotos(photos, (blob, key) => uploadPhoto(blob, key, api.refresh), (sent) => keep({ ...input, photos: sent }));
  } catch (failure) {
    throw failure instanceof PhotoError ? photoFailure(failure.problem) : failure;
  }
  return api.submit({ ...completion, photoIds, idempotencyKey });
}
