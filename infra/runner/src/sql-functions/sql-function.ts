import { resolve } from 'node:path';
import { readFunctionFile } from './function-files.ts';
import { writeFunctionMigration } from './write-function-migration.ts';

// `npm run sql-function -- services/tasks/src/claims/take-place.sql [more files of that
// service] [--name=<migration name>]`: a new migration of the service from the function files
// (write-function-migration.ts). Paths are from the repository's root. CREATE OR REPLACE cannot
// change a function's arguments or result type: for that, put `DROP FUNCTION <old signature>;`
// and a `--> statement-breakpoint` at the top of the generated migration (sql-functions.test.ts
// refuses an old signature left behind).
const args = process.argv.slice(2);
const paths = args.filter((a) => !a.startsWith('--'));
const named = args.find((a) => a.startsWith('--name='))?.slice('--name='.length);
if (paths.length === 0) {
  console.error('usage: npm run sql-function -- <services/<service>/src/…/<function>.sql>… [--name=<migration name>]');
  process.exit(2);
}
const files = paths.map((p) => readFunctionFile(resolve(p)));
const migration = writeFunctionMigration(files, named ?? files.map((f) => f.name.replaceAll('_', '-')).join('-'));
console.log(`wrote ${migration}`);
