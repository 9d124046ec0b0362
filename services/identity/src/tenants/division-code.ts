import type { ErrorCode, ErrorParams } from '@tongxin/errors';

/**
 * China's 6-digit administrative division codes (GB/T 2260): two digits of province, two
 * of city (prefecture), two of county. A city ends in 00 (not 0000); a county does not end
 * in 00 and begins with its city's first four digits (郴州市 431000 → 永兴县 431023).
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/** Why `code` cannot be a division code of this kind (under `cityId` for a county), as an error code, or null. */
export function divisionCodeProblem(code: string, kind: 'city' | 'county', cityId?: string | null): { code: ErrorCode; params?: ErrorParams } | null {
  if (!/^\d{6}$/.test(code)) return { code: 'division_code_digits' };
  if (!PROVINCES.has(Number(code.slice(0, 2)))) return { code: 'no_such_province' };
  if (code.slice(2) === '0000') return { code: 'province_code' };
  if (kind === 'city') return code.endsWith('00') ? null : { code: 'city_code_format' };
  if (code.endsWith('00')) return { code: 'county_code_format' };
  if (cityId && code.slice(0, 4) !== cityId.slice(0, 4)) return { code: 'county_outside_city', params: { city: cityId, prefix: cityId.slice(0, 4) } };
  return null;
}
