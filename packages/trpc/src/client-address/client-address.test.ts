import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

describe('the client address', () => {
  it('is the socket peer when it is not a trusted proxy, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined)).toBe('203.0.113.7');
  });

  it('behind a trusted proxy, is the right-most forwarded hop that is not a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.3', ['10.0.0.2', '10.0.0.3'])).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', undefined, ['10.0.0.2'])).toBe('10.0.0.2');
  });

  it('without a peer address and no trusted proxy, believes no forwarded header: the address is unknown', () => {
    // The left-most entry is what the client wrote (issue 13 E: the edge host took it).
    expect(clientAddress(undefined, '192.0.2.4, 10.0.0.1')).toBeNull();
    expect(clientAddress(undefined, '192.0.2.4', ['10.0.0.1'])).toBeNull();
    expect(clientAddress('', '192.0.2.4')).toBeNull();
    expect(clientAddress(undefined, undefined)).toBeNull();
  });
});
