// What an import kind is: the file's columns (ImportSpec), the records its cells refer to, the natural key that
// must be unique within a file, and the table its rows are upserted into.
import type { ImportSpec } from '../../adapters/files/column-spec.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import { maskBankAccount } from '../../domain/masking.ts';

/** An insured unit found by its credit code. */
export interface UnitRef {
  id: number;
  regionCode: string;
  laborDispatch: boolean;
  contactPhoneCipher: Buffer | null;
  corporateAccountCipher: Buffer | null;
  contributionAccountCipher: Buffer | null;
}

/** A person found by the blind index of the ID number. */
export interface PersonRef {
  id: number;
  regionCode: string;
  phoneCipher: Buffer | null;
  bankAccountCipher: Buffer | null;
}

/** A cell that names another record; `mustExist: false` for the kind's own key (the row creates or updates it). */
export type Reference<Row> =
  | { to: 'unit'; column: keyof Row & string; mustExist: boolean; accept?(unit: UnitRef): string | undefined }
  | { to: 'person'; column: keyof Row & string; mustExist: boolean }
  | { to: 'region'; column: keyof Row & string; mustExist: true };

/** The records a chunk of rows refers to. */
export interface Resolved {
  unit(creditCode: string): UnitRef | undefined;
  person(idNumber: string): PersonRef | undefined;
  blindIndex(idNumber: string): string;
}

/** A problem spanning several cells of one row, reported against one of its columns (by key). */
export interface RowProblem<Row> {
  column: keyof Row & string;
  message: string;
}

export interface WriteTarget {
  table: string;
  /** The table's columns that an import writes, in the order of `toCells`. */
  columns: readonly string[];
  /** The conflict target (upsert) or the matching columns (update). */
  key: readonly string[];
  /** Columns written when a row is inserted and left as they are when it is updated. */
  insertOnly?: readonly string[];
  /** Which who/when columns the table has: created and updated, created only, or none. */
  audit: 'changed' | 'created' | 'none';
  /** upsert: insert new rows, update changed ones; update: only update existing rows. */
  mode: 'upsert' | 'update';
  /**
   * A table that keeps every row of an accepted file with its import batch (batch_id first, then these columns, all
   * among `columns`), also the rows that changed nothing: what one file reported, where `table` keeps the latest.
   */
  batchLog?: { table: string; columns: readonly string[] };
}

export interface ImportKind<Row> {
  spec: ImportSpec<Row>;
  /** One Chinese line for `wengang import kinds`. */
  description: string;
  references: readonly Reference<Row>[];
  /** The natural key: no two rows of one file may share these values. */
  naturalKey: readonly (keyof Row & string)[];
  target: WriteTarget;
  checkRow?(row: Row): RowProblem<Row>[];
  toCells(row: Row, refs: Resolved, cipher: FieldCipher): CellValue[];
}

// Kinds differ in their row types; the registry and the import service handle them alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kinds of every row type, handled alike
export type AnyImportKind = ImportKind<any>;

/**
 * A personal value encrypted for storage. When the stored ciphertext already holds the same value it is kept,
 * so re-importing unchanged data changes nothing (encryption uses a random IV and would differ every time).
 */
export function sealed(cipher: FieldCipher, plain: string | null, stored: Buffer | null | undefined): Buffer | null {
  if (plain === null) return null;
  if (stored && cipher.decrypt(stored) === plain) return stored;
  return cipher.encrypt(plain);
}

/** A bank account's sealed and masked cells, keeping the stored seal when the number is unchanged. */
export function sealedAccount(
  cipher: FieldCipher,
  plain: string | null,
  stored: Buffer | null | undefined,
): [Buffer | null, string | null] {
  return [sealed(cipher, plain, stored), plain === null ? null : maskBankAccount(plain)];
}

/** The unit a reference column named; the import service has already rejected rows whose unit is missing. */
export function unitOf(refs: Resolved, creditCode: string): UnitRef {
  const unit = refs.unit(creditCode);
  if (!unit) throw new Error(`unresolved unit reference ${creditCode}`);
  return unit;
}

export function personOf(refs: Resolved, idNumber: string): PersonRef {
  const person = refs.person(idNumber);
  if (!person) throw new Error('unresolved person reference');
  return person;
}
