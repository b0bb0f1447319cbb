// Resolves the records a chunk of rows refers to with one set-based query per table (units by credit code, persons
// by the blind index of the ID number); regions are few and loaded once. Missing records become Chinese row errors.
// Ledger files name the same units and people row after row, so found records are kept for later chunks, up to a
// bound that keeps memory flat. (The store does not change while a file is read: rows are written at the end.)
import { sql, type Kysely } from 'kysely';
import type { ParsedRow } from '../../adapters/files/validate-rows.ts';
import type { RowError } from '../../adapters/files/table-errors.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { AnyImportKind, PersonRef, Resolved, UnitRef } from './import-kind.ts';

/** Records kept between chunks per table; the cache is emptied when it grows past this. */
const CACHE_LIMIT = 200_000;

/** Looks up keys not yet cached; a key found missing is cached as null. */
async function throughCache<V>(
  cache: Map<string, V | null>,
  keys: Iterable<string>,
  load: (keys: string[]) => Promise<Map<string, V>>,
) {
  const all = [...keys];
  if (cache.size + all.length > CACHE_LIMIT) cache.clear();
  const wanted = all.filter((key) => !cache.has(key));
  if (wanted.length === 0) return;
  const found = await load(wanted);
  for (const key of wanted) cache.set(key, found.get(key) ?? null);
}

export class ReferenceResolver {
  private readonly unitCache = new Map<string, UnitRef | null>();
  /** By blind index. */
  private readonly personCache = new Map<string, PersonRef | null>();

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: FieldCipher,
    private readonly regions: ReadonlySet<string>,
  ) {}

  static async open(db: Kysely<Database>, cipher: FieldCipher): Promise<ReferenceResolver> {
    const regions = await db.selectFrom('regions').select('code').execute();
    return new ReferenceResolver(db, cipher, new Set(regions.map((region) => region.code)));
  }

  /** The referenced records of these rows, and the problems of each row whose reference cannot be used. */
  async resolve(
    kind: AnyImportKind,
    rows: readonly ParsedRow<Record<string, unknown>>[],
  ): Promise<{
    refs: Resolved;
    problems(row: ParsedRow<Record<string, unknown>>): RowError[];
  }> {
    const creditCodes = new Set<string>();
    const indexes = new Map<string, string>();
    for (const { value } of rows) {
      for (const reference of kind.references) {
        const cell = value[reference.column] as string | null;
        if (cell === null) continue;
        if (reference.to === 'unit') creditCodes.add(cell);
        else if (reference.to === 'person' && !indexes.has(cell)) indexes.set(cell, this.cipher.blindIndex(cell));
      }
    }
    await throughCache(this.unitCache, creditCodes, (keys) => this.units(keys));
    await throughCache(this.personCache, indexes.values(), (keys) => this.persons(keys));
    const refs: Resolved = {
      unit: (creditCode) => this.unitCache.get(creditCode) ?? undefined,
      person: (idNumber) => this.personCache.get(refs.blindIndex(idNumber)) ?? undefined,
      blindIndex: (idNumber) => indexes.get(idNumber) ?? this.cipher.blindIndex(idNumber),
    };
    const headers = new Map(kind.spec.columns.map((column) => [column.key as string, column.header]));
    const problems = ({ rowNumber, value }: ParsedRow<Record<string, unknown>>): RowError[] => {
      const found: RowError[] = [];
      for (const reference of kind.references) {
        const cell = value[reference.column] as string | null;
        if (cell === null) continue;
        const message = this.problem(reference, cell, refs);
        if (message) found.push({ row: rowNumber, column: headers.get(reference.column)!, value: cell, message });
      }
      return found;
    };
    return { refs, problems };
  }

  private problem(reference: AnyImportKind['references'][number], cell: string, refs: Resolved): string | undefined {
    switch (reference.to) {
      case 'region':
        return this.regions.has(cell) ? undefined : `区划代码 ${cell} 不在系统的区划表中，请核对`;
      case 'unit': {
        const unit = refs.unit(cell);
        if (!unit) return reference.mustExist ? '系统中没有该统一社会信用代码的参保单位，请先导入参保单位信息' : undefined;
        return reference.accept?.(unit);
      }
      case 'person':
        return reference.mustExist && !refs.person(cell) ? '系统中没有该公民身份号码的参保人员，请先导入参保人员信息' : undefined;
    }
  }

  private async units(creditCodes: string[]): Promise<Map<string, UnitRef>> {
    const rows = await this.db
      .selectFrom('units')
      .select([
        'id',
        'credit_code',
        'region_code',
        'labor_dispatch',
        'contact_phone_cipher',
        'corporate_account_cipher',
        'contribution_account_cipher',
      ])
      .where(sql<boolean>`credit_code = ANY(${creditCodes}::text[])`)
      .execute();
    return new Map(
      rows.map((row) => [
        row.credit_code,
        {
          id: row.id,
          regionCode: row.region_code,
          laborDispatch: row.labor_dispatch,
          contactPhoneCipher: row.contact_phone_cipher,
          corporateAccountCipher: row.corporate_account_cipher,
          contributionAccountCipher: row.contribution_account_cipher,
        },
      ]),
    );
  }

  /** Keyed by blind index. */
  private async persons(indexes: string[]): Promise<Map<string, PersonRef>> {
    const rows = await this.db
      .selectFrom('persons')
      .select(['id', 'id_number_index', 'region_code', 'phone_cipher', 'bank_account_cipher'])
      .where(sql<boolean>`id_number_index = ANY(${indexes}::text[])`)
      .execute();
    return new Map(
      rows.map((row) => [
        row.id_number_index,
        {
          id: row.id,
          regionCode: row.region_code,
          phoneCipher: row.phone_cipher,
          bankAccountCipher: row.bank_account_cipher,
        },
      ]),
    );
  }
}
