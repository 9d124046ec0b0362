import { DomainError } from '@tongxin/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeJsonInput } from './decode-json-input.ts';

const ZCursor = z.tuple([z.string(), z.string(), z.guid()]);
const ID = '00000000-0000-0000-0000-000000000000';

function refusal(text: string) {
  try {
    decodeJsonInput('after', text, ZCursor);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return null;
}

describe('decodeJsonInput', () => {
  it('returns the decoded value when it is well formed and fits the schema', () => {
    expect(decodeJsonInput('after', JSON.stringify(['马田镇', '李明', ID]), ZCursor)).toEqual(['马田镇', '李明', ID]);
  });

  it('refuses a NUL or a lone surrogate escaped inside the JSON naming the field (BAD_REQUEST)', () => {
    // The outer string holds only a backslash and "u0000": the NUL appears when decoded.
    expect(refusal(`["a\\u0000b","b","${ID}"]`)).toEqual({ code: 'unstorable_character', field: 'after' });
    expect(refusal(`["a\\ud800","b","${ID}"]`)).toMatchObject({ field: 'after' });
    expect(refusal(`{"\\u0000":1}`)).toMatchObject({ field: 'after' });
  });

  it('refuses what is not JSON, or not of the shape, naming the field (BAD_REQUEST)', () => {
    for (const text of ['nonsense', '', '[1,2', 'null', `["a","b","no-uuid"]`, `["a","b","${ID}","x"]`]) {
      expect(refusal(text), text).toMatchObject({ field: 'after' });
    }
  });
});
