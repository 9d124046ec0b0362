import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitStatements } from './split-statements.ts';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * A SQL function's current definition: a `.sql` file beside the TypeScript that calls it,
 * named after the function (`tasks.take_place` in `services/tasks/src/…/take-place.sql`),
 * holding its `create or replace function` and the grants it needs. Migrations are generated
 * from it (`npm run sql-function`); sql-functions.test.ts checks the database against it.
 */
export interface FunctionFile {
  /** From the repository's root, with `/`. */
  path: string;
  service: string;
  schema: string;
  name: string;
  statements: string[];
}

const CREATE = /^(?:\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*create\s+or\s+replace\s+function\s+"?([a-z_][a-z0-9_]*)"?\s*\.\s*"?([a-z_][a-z0-9_]*)"?\s*\(/i;
const ANY_FUNCTION = /\bcreate\s+(?:or\s+replace\s+)?function\b/i;

/** Reads one function file and checks that it is one: its first statement `create or replace`s the function it is named after, of its service's schema, and no other statement creates one. */
export function readFunctionFile(file: string): FunctionFile {
  const path = relative(repoRoot, file).split(sep).join('/');
  const service = /^services\/([^/]+)\/src\//.exec(path)?.[1];
  if (!service) throw new Error(`${path}: a function file lives in a service's src/`);
  const statements = splitStatements(readFileSync(file, 'utf8'));
  const create = CREATE.exec(statements[0] ?? '');
  if (!create) throw new Error(`${path}: the first statement must be a "create or replace function <schema>.<name>("`);
  if (statements.slice(1).some((s) => ANY_FUNCTION.test(s.replace(/--[^\n]*/g, '')))) throw new Error(`${path}: one function per file`);
  const schema = create[1]!.toLowerCase();
  const name = create[2]!.toLowerCase();
  if (schema !== service) throw new Error(`${path}: ${schema}.${name} is not of the ${service} schema`);
  if (basename(path) !== `${name.replaceAll('_', '-')}.sql`) throw new Error(`${path}: ${schema}.${name} belongs in ${name.replaceAll('_', '-')}.sql`);
  return { path, service, schema, name, statements };
}

/** Every function file of the services, in path order. */
export function readFunctionFiles(): FunctionFile[] {
  const servicesDir = join(repoRoot, 'services');
  const files: string[] = [];
  for (const service of readdirSync(servicesDir)) {
    const src = join(servicesDir, service, 'src');
    let entries: string[];
    try {
      entries = readdirSync(src, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    files.push(...entries.filter((entry) => entry.endsWith('.sql')).map((entry) => join(src, entry)));
  }
  return files.sort().map(readFunctionFile);
}
