/** The form's text values, trimmed; empty boxes are absent (not sent, or cleared by the caller). */
export function readForm(form: HTMLFormElement): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value.trim() || undefined;
  return values;
}
