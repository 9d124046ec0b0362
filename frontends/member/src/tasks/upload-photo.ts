/** Why a photo did not make it: the words for each are in messages.ts (`photo.*`, `error.*`). */
export type PhotoProblem = 'notImage' | 'tooBig' | 'unreadable' | 'overQuota' | 'UNAUTHORIZED' | 'network' | 'server';

/** Problems of the file itself: sending it again cannot help, it can only be removed. */
export const lastingProblem = (problem: PhotoProblem | null) => problem === 'notImage' || problem === 'unreadable' || problem === 'tooBig' || problem === 'overQuota';

export class PhotoError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
  }
}

/**
 * Makes a photo small on the phone before it travels or waits in the queue (issue 18): our own
 * resize (`resize-photo.ts`, createImageBitmap and a canvas, ~1 KB gzipped), fetched only when a
 * member first picks a photo. A file that is no image, or that the phone cannot decode, is
 * refused here, before anything is sent; the original is never sent.
 */
export async function compressPhoto(file: File): Promise<Blob> {
  if (file.type && !file.type.startsWith('image/')) throw new PhotoError('notImage');
  const { resizePhoto } = await import('./resize-photo.ts');
  try {
    return await resizePhoto(file);
  } catch {
    throw new PhotoError('unreadable');
  }
}

function send(photo: Blob, uploadKey: string, onProgress: (percent: number) => void): Promise<{ status: number; body: string }> {
  // XMLHttpRequest rather than fetch: only it reports upload progress, and a 1 MB photo on a
  // poor connection takes long enough that the member should see it move.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/tasks/evidence');
    request.setRequestHeader('content-type', photo.type || 'image/jpeg');
    request.setRequestHeader('x-tongxin-request', '1');
    request.setRequestHeader('idempotency-key', uploadKey);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve({ status: request.status, body: request.responseText });
    request.onerror = () => reject(new PhotoError('network'));
    request.ontimeout = () => reject(new PhotoError('network'));
    request.send(photo);
  });
}

/**
 * The session refresh (`identity.auth.refresh`), passed in by the caller: this file does not
 * import the API client, so the queue's lazily loaded completion sender brings no chunk of it
 * into the member's first load (issue 18: the first load is measured to the KB).
 */
export type Refresh = () => Promise<unknown>;

/**
 * Uploads one (already compressed) photo and answers its id. The access cookie lives a
 * minute, so a 401 is met with one session refresh and one retry, as for every tRPC call.
 * `uploadKey` is made once per photo and sent on every try: the server answers a retry with
 * the photo it stored the first time, so a lost answer never stores a photo twice.
 */
export async function uploadPhoto(photo: Blob, uploadKey: string, refresh: Refresh, onProgress: (percent: number) => void = () => undefined): Promise<string> {
  let answer = await send(photo, uploadKey, onProgress);
  if (answer.status === 401) {
    const refreshed = await refresh().then(() => true, () => false);
    if (!refreshed) throw new PhotoError('UNAUTHORIZED');
    onProgress(0);
    answer = await send(photo, uploadKey, onProgress);
    if (answer.status === 401) throw new PhotoError('UNAUTHORIZED');
  }
  if (answer.status === 413) throw new PhotoError('tooBig');
  // The member's daily quota of photos (server: EVIDENCE_QUOTA): sending again today cannot help.
  if (answer.status === 429) throw new PhotoError('overQuota');
  if (answer.status === 400 || answer.status === 415) throw new PhotoError('notImage');
  if (answer.status < 200 || answer.status >= 300) throw new PhotoError('server');
  try {
    const { photoId } = JSON.parse(answer.body) as { photoId?: unknown };
    if (typeof photoId === 'string') return photoId;
  } catch {
    // fall through: a proxy's HTML page, not our answer
  }
  throw new PhotoError('server');
}
