import type { ErrorCode } from '@tongxin/errors';
import type { OperatorMessage } from './messages.ts';

/**
 * The format of a 6-digit administrative division code, checked before sending (identity
 * checks the same and more): a city ends in 00 (not 0000); a county does not, and begins
 * with its city's first four digits (郴州市 431000 → 宜章县 431022).
 */
export function divisionCodeProblem(code: string, kind: 'city' | 'county', cityId?: string): OperatorMessage | null {
  if (!/^\d{6}$/.test(code)) return 'code.format';
  if (code.slice(2) === '0000') return 'code.province';
  if (kind === 'city') return code.endsWith('00') ? null : 'code.cityEnds';
  if (code.endsWith('00')) return 'code.countyEnds';
  if (cityId && code.slice(0, 4) !== cityId.slice(0, 4)) return 'code.countyPrefix';
  return null;
}

const SERVER_CODES: Partial<Record<ErrorCode, OperatorMessage>> = {
  division_code_taken: 'code.used',
  no_such_province: 'code.noProvince',
  province_code: 'code.province',
  city_code_format: 'code.cityEnds',
  county_code_format: 'code.countyEnds',
  county_outside_city: 'code.countyPrefix',
};

/** Identity's reason for refusing a code (its error code) as our message. */
export function serverCodeProblem(code: ErrorCode): OperatorMessage {
  return SERVER_CODES[code] ?? 'code.format';
}
