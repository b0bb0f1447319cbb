// Port for writing many rows fast (COPY on PostgreSQL, COPY from a blob on PGlite), used by generators and imports.

export type CellValue = string | number | bigint | boolean | null | Buffer;

export interface BulkWriter {
  /** Appends rows to a table; columns name the table's columns in the order of each row's cells. */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly CellValue[])[]): Promise<void>;
}
