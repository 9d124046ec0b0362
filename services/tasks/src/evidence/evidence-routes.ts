import { hasRole, type AccessClaims } from '@tongxin/auth';
import { ZIdempotencyKey, claimsOf, crossSiteGuard, type ServiceBindings } from '@tongxin/trpc';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '../schema.ts';
import { EVIDENCE_QUOTA } from './evidence-quota.ts';
import { imageHeaderOf } from './image-type.ts';
import { readEvidencePhoto } from './read-evidence-photo.ts';
import { storeEvidencePhoto } from './store-evidence-photo.ts';

type Env = { Bindings: ServiceBindings; Variables: { claims: AccessClaims } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notAPhoto = (message: string) => ({ error: { code: 'BAD_REQUEST', field: 'photo', message } });

/**
 * Evidence photos, as plain HTTP beside the tRPC router (the body is the image's bytes, not
 * JSON): `POST /api/tasks/evidence` and `GET /api/tasks/evidence/:photoId`. Authenticated like
 * tRPC (access cookie or Bearer), with the same cross-site guard on POST. Images arrive
 * resized on the phone (issue 7), so 2 MB is plenty; the type and dimensions are taken from
 * the header (`imageHeaderOf`), and each member has a daily quota (`EVIDENCE_QUOTA`, 429).
 * An `Idempotency-Key` header (`ZIdempotencyKey`'s rule) makes a retried upload answer the
 * photo it stored the first time (issue 18: the phone's queue sends again after a lost answer).
 */
export const evidenceRoutes = new Hono<Env>();

evidenceRoutes.use('*', crossSiteGuard);
evidenceRoutes.use('*', async (c, next) => {
  const claims = await claimsOf(c);
  if (!claims) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Not logged in or the session has expired' } }, 401);
  c.set('claims', claims);
  return next();
});

evidenceRoutes.post(
  '/',
  bodyLimit({
    maxSize: MAX_PHOTO_BYTES,
    onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', field: 'photo', message: `A photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB` } }, 413),
  }),
  async (c) => {
    const claims = c.get('claims');
    if (!hasRole(claims.roles, 'member')) return c.json({ error: { code: 'FORBIDDEN', message: 'This needs the member role' } }, 403);
    const uploadKey = c.req.header('idempotency-key');
    if (uploadKey !== undefined && !ZIdempotencyKey.safeParse(uploadKey).success) {
      return c.json({ error: { code: 'BAD_REQUEST', field: 'idempotencyKey', message: 'An upload key has 8 to 100 characters' } }, 400);
    }
    const declared = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!(PHOTO_TYPES as readonly string[]).includes(declared)) return c.json(notAPhoto('Send a JPEG, PNG or WebP image'), 400);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const header = imageHeaderOf(bytes);
    if (!header) return c.json(notAPhoto('This file is not a JPEG, PNG or WebP image'), 400);
    const blobs = c.env.deps.blobs;
    if (!blobs) return c.json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'No photo storage is configured' } }, 503);
    const stored = await storeEvidencePhoto(c.env.deps.database, blobs, claims, { bytes, type: header.type, uploadKey }, c.env.deps.now());
    if ('exceeded' in stored) {
      const { photos, bytes: quotaBytes } = EVIDENCE_QUOTA;
      return c.json({
        error: {
          code: 'TOO_MANY_REQUESTS', field: 'photo', reason: stored.exceeded, limit: { photos, bytes: quotaBytes },
          message: `At most ${photos} photos and ${quotaBytes / 1024 / 1024} MB in 24 hours: try again tomorrow`,
        },
      }, 429);
    }
    return c.json(stored);
  },
);

evidenceRoutes.get('/:photoId', async (c) => {
  const photoId = c.req.param('photoId');
  const blobs = c.env.deps.blobs;
  const photo = UUID.test(photoId) && blobs ? await readEvidencePhoto(c.env.deps.database, blobs, c.get('claims'), photoId) : null;
  if (!photo) return c.json({ error: { code: 'NOT_FOUND', message: 'No such photo' } }, 404);
  return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': photo.contentType,
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
  });
});
