/**
 * Where uploaded files (task evidence photos) live. A service sees only this interface, so
 * the same code runs with a local disk now and object storage later (an edge runtime has no
 * disk). Keys are chosen by the service and never taken from a client as a path.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** null when there is no such blob. */
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
}

/** Keys are `<segment>/<segment>/…` of letters, digits, `-` and `_`: never `..` nor absolute. */
export const BLOB_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\.[a-z0-9]+)?$/;

export function assertBlobKey(key: string): void {
  if (!BLOB_KEY.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
}
