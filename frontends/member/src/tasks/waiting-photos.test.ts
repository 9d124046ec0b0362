import { failureAction, refusalOf } from '@tongxin/offline';
import { describe, expect, it } from 'vitest';
import { photoFailure, uploadWaitingPhotos, type WaitingPhoto } from './waiting-photos.ts';

const jpeg = (label: string) => new Blob([label], { type: 'image/jpeg' });

/** A server that stores each upload once per key, as POST /api/tasks/evidence does, and can drop the line after n uploads. */
function server(dropAfter = Infinity) {
  const stored = new Map<string, string>();
  let sent = 0;
  const upload = async (blob: Blob, uploadKey: string) => {
    if (sent++ >= dropAfter) throw new Error('no answer');
    if (!stored.has(uploadKey)) stored.set(uploadKey, `photo-${stored.size + 1}:${await blob.text()}`);
    return stored.get(uploadKey)!;
  };
  return { stored, upload, keys: () => [...stored.keys()] };
}

describe('a queued completion\'s photos (issue 18: photos upload first, then the completion with their ids)', () => {
  it('uploads only the photos still on the phone, in order, and answers every id in the form\'s order', async () => {
    const a = jpeg('a');
    const b = jpeg('b');
    const photos: WaitingPhoto[] = [{ photoId: 'kept-from-before' }, { uploadKey: 'key-a', blob: a }, { uploadKey: 'key-b', blob: b }];
    const s = server();
    const kept: WaitingPhoto[][] = [];
    const ids = await uploadWaitingPhotos(photos, s.upload, async (list) => void kept.push(list));
    expect(ids).toEqual(['kept-from-before', 'photo-1:a', 'photo-2:b']);
    expect(s.keys()).toEqual(['key-a', 'key-b']);
    // Each upload is recorded as soon as it is taken: its id in place of the blob.
    expect(kept).toEqual([
      [{ photoId: 'kept-from-before' }, { photoId: 'photo-1:a' }, { uploadKey: 'key-b', blob: b }],
      [{ photoId: 'kept-from-before' }, { photoId: 'photo-1:a' }, { photoId: 'photo-2:b' }],
    ]);
    // The caller's list is not changed under it.
    expect(photos[1]).toEqual({ uploadKey: 'key-a', blob: a });
  });

  it('a send that fails part way keeps what was uploaded; the next try sends only the rest, and no photo is stored twice', async () => {
    const s = server(1); // the line drops after the first photo
    let saved: WaitingPhoto[] = [{ uploadKey: 'key-1', blob: jpeg('1') }, { uploadKey: 'key-2', blob: jpeg('2') }];
    const keep = async (list: WaitingPhoto[]) => void (saved = list);
    await expect(uploadWaitingPhotos(saved, s.upload, keep)).rejects.toThrow('no answer');
    expect(saved[0]).toEqual({ photoId: 'photo-1:1' });
    expect('blob' in saved[1]!).toBe(true);

    const again = server();
    again.stored.set('key-1', 'photo-1:1'); // what the server already holds
    const sentKeys: string[] = [];
    const ids = await uploadWaitingPhotos(saved, (blob, key) => (sentKeys.push(key), again.upload(blob, key)), keep);
    expect(sentKeys).toEqual(['key-2']);
    expect(ids).toEqual(['photo-1:1', 'photo-2:2']);
    expect(again.stored.size).toBe(2);
  });

  it('an upload whose answer was lost is sent again with its key, and the server answers the same photo', async () => {
    const s = server();
    const photo: WaitingPhoto = { uploadKey: 'key-lost', blob: jpeg('x') };
    const first = await s.upload(photo.blob, photo.uploadKey); // taken, but the answer never reached the phone
    const ids = await uploadWaitingPhotos([photo], s.upload, async () => undefined);
    expect(ids).toEqual([first]);
    expect(s.stored.size).toBe(1);
  });

  it('a photo\'s failed upload is decided as any queued write is: wait, retry later, or refused in words', () => {
    expect(failureAction(photoFailure('network'))).toBe('offline');
    expect(failureAction(photoFailure('UNAUTHORIZED'))).toBe('session');
    expect(failureAction(photoFailure('server'))).toBe('retry');
    expect(failureAction(photoFailure('overQuota'))).toBe('retry');
    for (const problem of ['tooBig', 'notImage', 'unreadable'] as const) {
      expect(failureAction(photoFailure(problem))).toBe('refused');
      expect(refusalOf(photoFailure(problem))).toEqual({ code: 'photo_unusable', params: {} });
    }
  });
});
