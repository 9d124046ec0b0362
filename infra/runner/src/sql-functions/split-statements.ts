// What may contain a `;` that does not end a statement, and a statement's end itself.
const TOKEN = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$([A-Za-z_][A-Za-z0-9_]*)?\$|;/y;
const COMMENTS = /--[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * Splits SQL text at the semicolons that end its statements: not those in comments, quoted
 * strings or identifiers, or dollar-quoted function bodies. A statement keeps the comments
 * before it; a stretch of only comments after the last statement is dropped. Drizzle's
 * migrators run one statement per `--> statement-breakpoint`, so a function file's
 * statements are cut here before they are run or written into a migration.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    TOKEN.lastIndex = i;
    const token = TOKEN.exec(text);
    if (!token) {
      i++;
      continue;
    }
    if (token[0].startsWith('$')) {
      const close = text.indexOf(token[0], TOKEN.lastIndex);
      if (close < 0) throw new Error(`unterminated ${token[0]} body`);
      i = close + token[0].length;
    } else if (token[0] === ';') {
      statements.push(text.slice(start, TOKEN.lastIndex).trim());
      start = i = TOKEN.lastIndex;
    } else {
      i = TOKEN.lastIndex;
    }
  }
  statements.push(text.slice(start).trim());
  return statements.filter((statement) => statement.replace(COMMENTS, '').trim() !== '');
}
