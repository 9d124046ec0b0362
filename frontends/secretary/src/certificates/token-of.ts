/** The token from what was scanned or pasted: the code's link (`…&token=…`) or the token alone. */
export function tokenOf(text: string): string {
  const trimmed = text.trim();
  const match = /[?&]token=([^&#\s]+)/.exec(trimmed);
  return (match ? decodeURIComponent(match[1]!) : trimmed).toLowerCase();
}
