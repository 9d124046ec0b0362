import { identity } from '@tongxin/api-client';

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
 * Makes a photo small on the phone before it travels: at most 1600 px on the long side and
 * about 1 MB, as JPEG (the server takes at most 2 MB). Re-encoding also drops the EXIF block,
 * so a photo's GPS position never leaves the phone. The library (~20 KB gzipped) is fetched
 * only when a member first picks a photo. It runs on the page, not in its web worker: the
 * worker would fetch the library a second time, from a CDN by default, which an on-premise
 * install cannot reach; a handful of photos take well under a second each.
 */
export async function compressPhoto(file: File, onProgress: (percent: number) => void): Promise<Blob> {
  const { default: imageCompression } = await import('browser-image-compression');
  try {
    return await imageCompression(file, {
      maxWidthOrHeight: 1600,
      maxSizeMB: 1,
      fileType: 'image/jpeg',
      initialQuality: 0.85,
      useWebWorker: false,
      onProgress,
    });
  } catch {
    throw new PhotoError('unreadable');
  }
}

function send(photo: Blob, onProgress: (percent: number) => void): Promise<{ status: number; body: string }> {
  // XMLHttpRequest rather than fetch: only it reports upload progress, and a 1 MB photo on a
  // poor connection takes long enough that the member should see it move.
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/tasks/evidence');
    request.setRequestHeader('content-type', photo.type || 'image/jpeg');
    request.setRequestHeader('x-tongxin-request', '1');
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
 * Uploads one (already compressed) photo and answers its id. The access cookie lives a
 * minute, so a 401 is met with one session refresh and one retry, as for every tRPC call.
 */
export async function uploadPhoto(photo: Blob, onProgress: (percent: number) => void): Promise<string> {
  let answer = await send(photo, onProgress);
  if (answer.status === 401) {
    const refreshed = await identity.auth.refresh.mutate().then(() => true, () => false);
    if (!refreshed) throw new PhotoError('UNAUTHORIZED');
    onProgress(0);
    answer = await send(photo, onProgress);
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
