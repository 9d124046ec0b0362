/** Lists show `138****0001`: enough to recognise a number, not enough to call it. */
export function maskPhone(phone: string): string {
  const local = phone.replace(/^(\+86|0086)/, '');
  if (local.length < 8) return '*'.repeat(local.length);
  return `${local.slice(0, 3)}****${local.slice(-4)}`;
}
