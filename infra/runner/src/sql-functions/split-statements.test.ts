import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements.ts';

describe('splitStatements', () => {
  it('cuts at the semicolons that end statements, keeping the comments before each', () => {
    expect(splitStatements('-- why\ncreate table a (x int);\n\ngrant select on a to b;\n')).toEqual([
      '-- why\ncreate table a (x int);',
      'grant select on a to b;',
    ]);
  });

  it('does not cut inside a dollar-quoted body, a string, an identifier or a comment', () => {
    const create = `create or replace function s.f() returns text language plpgsql as $$
begin
  perform 1; -- a comment; with a semicolon
  return 'a;b' || "x;y" || $q$c;d$q$; /* e; f */
end $$;`;
    expect(splitStatements(`${create}\nrevoke all on function s.f() from public;`)).toEqual([create, 'revoke all on function s.f() from public;']);
  });

  it('keeps a last statement without its semicolon and drops a trailing comment', () => {
    expect(splitStatements('select 1;\nselect 2\n-- the end\n')).toEqual(['select 1;', 'select 2\n-- the end']);
    expect(splitStatements('select 1;\n-- the end\n')).toEqual(['select 1;']);
  });

  it('refuses a body that never ends', () => {
    expect(() => splitStatements('create function f() returns int as $$ select 1;')).toThrow('unterminated $$ body');
  });
});
