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

/** Identity's reason for refusing a code (stable English) as our message. */
export function serverCodeProblem(message: string): OperatorMessage {
  if (/already used/i.test(message)) return 'code.used';
  if (/no province/i.test(message)) return 'code.noProvince';
  if (/province code/i.test(message)) return 'code.province';
  if (/city code ends/i.test(message)) return 'code.cityEnds';
  if (/does not end in 00/i.test(message)) return 'code.countyEnds';
  if (/begins with/i.test(message)) return 'code.countyPrefix';
  return 'code.format';
}
