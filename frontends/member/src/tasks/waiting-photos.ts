import type { PhotoProblem } from './upload-photo.ts';

/** A completion's photo while it waits (issue 18): uploaded (its id), or still on the phone, resized, with the key its upload is always sent with. */
export type WaitingPhoto = { photoId: string } | { uploadKey: string; blob: Blob };

/**
 * Uploads the photos still on the phone, in order, one at a time (on a poor connection
 * parallel uploads only slow each other down), and answers every photo's id. Each upload is
 * recorded (`keep`, the list with its id in place of the blob) as soon as it is taken, so a
 * failure part way leaves what was sent recorded, and the next try sends only the rest; a
 * photo whose answer was lost is sent again with its key, and the server answers the same photo.
 */
export async function uploadWaitingPhotos(
  photos: readonly WaitingPhoto[],
  upload: (blob: Blob, uploadKey: string) => Promise<string>,
  keep: (photos: WaitingPhoto[]) => Promise<void>,
): Promise<string[]> {
  const list = [...photos];
  for (const [at, photo] of list.entries()) {
    if ('photoId' in photo) continue;
    list[at] = { photoId: await upload(photo.blob, photo.uploadKey) };
    await keep([...list]);
  }
  return list.map((photo) => ('photoId' in photo ? photo.photoId : ''));
}

/**
 * A photo's failed upload said as a failed call is (`error.data`, or no answer), so the queue
 * decides as for any write (`failureAction`): no network waits, an ended session waits for the
 * next login, a server error or the day's quota is tried again later, and a file the server
 * will not take (it cannot be after the phone made it a JPEG, but a proxy may say so) is
 * refused, in words on the item.
 */
export function photoFailure(problem: PhotoProblem): unknown {
  switch (problem) {
    case 'network':
      return { cause: new TypeError('the photo got no answer') };
    case 'UNAUTHORIZED':
      return { data: { code: 'UNAUTHORIZED' } };
    case 'overQuota':
      return { data: { code: 'TOO_MANY_REQUESTS' } };
    case 'server':
      return { data: { code: 'INTERNAL_SERVER_ERROR' } };
    default:
      return { data: { code: 'BAD_REQUEST', fields: { photoIds: { code: 'photo_unusable', params: {} } } } };
  }
}
