// One schema source: the Kysely table types (src/adapters/store/schema*.ts) must say what the migrated database says —
// the same tables, the same columns, the same nullability and a compatible type for each column. Read through the
// TypeScript compiler on one side and information_schema on the other, on both backends.
import { join } from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { storeBackends } from '../../support/store-backends.ts';

type Kind = 'number' | 'string' | 'boolean' | 'Date' | 'Buffer' | 'json' | 'other';
interface ColumnShape {
  kind: Kind;
  nullable: boolean;
}
type Tables = Map<string, Map<string, ColumnShape>>;

/** What each column of each table of the Database interface is, as Kysely selects it. */
function declaredTables(): Tables {
  const file = join(import.meta.dirname, '../../../src/adapters/store/schema.ts');
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === 'Database')!;
  const databaseType = checker.getDeclaredTypeOfSymbol(database);
  const tables: Tables = new Map();
  for (const table of databaseType.getProperties()) {
    const columns = new Map<string, ColumnShape>();
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      let type = checker.getTypeOfSymbol(column);
      const selected = type.getProperty('__select__');
      if (selected) type = checker.getTypeOfSymbol(selected);
      const members = type.isUnion() ? type.types : [type];
      const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
      columns.set(column.name, {
        kind: kindOf(
          checker,
          members.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined))),
        ),
        nullable,
      });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function kindOf(checker: ts.TypeChecker, members: ts.Type[]): Kind {
  const kinds = new Set(
    members.map((t): Kind => {
      if (t.flags & ts.TypeFlags.NumberLike) return 'number';
      if (t.flags & ts.TypeFlags.StringLike) return 'string';
      if (t.flags & ts.TypeFlags.BooleanLike) return 'boolean';
      const name = t.getSymbol()?.name ?? t.aliasSymbol?.name;
      if (name === 'Date') return 'Date';
      if (name === 'Buffer') return 'Buffer';
      if (checker.typeToString(t).startsWith('Buffer')) return 'Buffer';
      return 'json';
    }),
  );
  return kinds.size === 1 ? [...kinds][0]! : kinds.has('json') || kinds.size > 1 ? 'json' : 'other';
}

/** The JS value each PostgreSQL type arrives as (src/adapters/store/type-parsers.ts). */
const KIND_OF_PG_TYPE: Readonly<Record<string, Kind>> = {
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  'double precision': 'number',
  real: 'number',
  numeric: 'string',
  text: 'string',
  'character varying': 'string',
  character: 'string',
  date: 'string',
  boolean: 'boolean',
  'timestamp with time zone': 'Date',
  bytea: 'Buffer',
  jsonb: 'json',
  json: 'json',
  ARRAY: 'json',
};

describe('the Kysely table types', () => {
  const declared = declaredTables();

  it('are read from the schema files', () => {
    expect(declared.size).toBeGreaterThan(20);
    expect(declared.get('payments')?.get('amount_fen')).toEqual({ kind: 'number', nullable: false });
  });

  for (const backend of storeBackends())
    describe.skipIf(backend.skipReason)(backend.name, () => {
      beforeAll(backend.setup);
      afterAll(backend.teardown);

      it('match the migrated database', async () => {
        const store = await openStore(await backend.freshConfig());
        try {
          const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>`
          SELECT c.table_name, c.column_name, c.is_nullable, c.data_type
          FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          ORDER BY c.table_name, c.ordinal_position`.execute(store.db);
          const actual: Tables = new Map();
          for (const r of rows) {
            const columns = actual.get(r.table_name) ?? new Map<string, ColumnShape>();
            columns.set(r.column_name, { kind: KIND_OF_PG_TYPE[r.data_type] ?? 'other', nullable: r.is_nullable === 'YES' });
            actual.set(r.table_name, columns);
          }
          const drift: string[] = [];
          for (const table of new Set([...actual.keys(), ...declared.keys()])) {
            const inDb = actual.get(table);
            const inTs = declared.get(table);
            if (!inDb) {
              drift.push(`${table}: typed but not in the database`);
              continue;
            }
            if (!inTs) {
              drift.push(`${table}: in the database but not in the Database interface`);
              continue;
            }
            for (const column of new Set([...inDb.keys(), ...inTs.keys()])) {
              const db = inDb.get(column);
              const typed = inTs.get(column);
              if (!db || !typed) {
                drift.push(`${table}.${column}: ${db ? 'not typed' : 'not in the database'}`);
                continue;
              }
              // A JSON value may itself be null (JsonValue), so a NOT NULL jsonb column may be typed with null.
              const jsonNull = db.kind === 'json' && !db.nullable && typed.nullable;
              if (db.nullable !== typed.nullable && !jsonNull)
                drift.push(`${table}.${column}: ${db.nullable ? 'nullable' : 'NOT NULL'} in the database`);
              if (db.kind !== 'json' && typed.kind !== 'json' && db.kind !== typed.kind)
                drift.push(`${table}.${column}: ${db.kind} in the database, ${typed.kind} typed`);
            }
          }
          expect(drift).toEqual([]);
        } finally {
          await store.close();
        }
      });
    });
});
