// Scope resolvers for the routes: which regions a request touches, read from its URL, query or body.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import * as touched from '../../services/scope/touched-regions.ts';
import type { ScopeResolver, TouchedRegions } from './access.ts';

type Fields = Record<string, unknown>;
const params = (request: FastifyRequest) => request.params as Fields;
const body = (request: FastifyRequest) => (request.body ?? {}) as Fields;
const numberAt = (fields: Fields, key: string) => Number(fields[key]);

/** A region filter in the query, body or URL: that region, or the whole data set when none is given. A code that names
 *  no region touches nothing, so the handler answers it as an unknown region rather than the guard as out of scope. */
export function regionFilter(where: 'query' | 'body' | 'params', field: string): ScopeResolver {
  return async (request, db) => {
    const value = (where === 'query' ? (request.query as Fields) : where === 'params' ? params(request) : body(request))[field];
    if (typeof value !== 'string') return 'all';
    const known = await db.selectFrom('regions').select('code').where('code', '=', value).executeTakeFirst();
    return known ? [value] : [];
  };
}

/** An entity named by a URL parameter. */
export function byParam(name: string, regionsOf: (db: Kysely<Database>, id: number) => Promise<string[]>): ScopeResolver {
  return (request, db) => regionsOf(db, numberAt(params(request), name));
}

/** The district of the person whose ID number is in the body, found by its blind index (none when unknown: the handler
 *  says so). ID numbers travel in bodies, never in URLs, which proxies and access logs keep. */
export function personByIdNumberInBody(cipher: FieldCipher): ScopeResolver {
  return async (request, db) => {
    const idNumber = String(body(request).idNumber ?? '');
    const rows = await db
      .selectFrom('persons')
      .select('region_code')
      .where('id_number_index', '=', cipher.blindIndex(idNumber.trim().toUpperCase()))
      .execute();
    return rows.map((r) => r.region_code);
  };
}

export const unitInUrl = byParam('unitId', (db, id) => touched.regionsOfUnits(db, [id]));

/** A review proposal: the listed units, or the region filter (the whole data set when neither is given). */
export const proposalRegions: ScopeResolver = async (request, db): Promise<TouchedRegions> => {
  const { unitIds, regionCode } = body(request) as { unitIds?: number[]; regionCode?: string };
  if (unitIds) return [...(await touched.regionsOfUnits(db, unitIds)), ...(regionCode ? [regionCode] : [])];
  return regionCode ? [regionCode] : 'all';
};

export const noticeBatches: ScopeResolver = (request, db) =>
  touched.regionsOfReviewBatches(db, (body(request).batchIds as number[]) ?? []);

/** A payment batch proposal: the listed payments, or every pending payment (the whole data set). */
export const paymentSelection: ScopeResolver = async (request, db) => {
  const ids = body(request).paymentIds as number[] | undefined;
  return ids ? touched.regionsOfPayments(db, ids) : 'all';
};

export const correctionOfPayment: ScopeResolver = (request, db) =>
  touched.regionsOfPayments(db, [numberAt(body(request), 'paymentId')]);
export const unitInBody: ScopeResolver = (request, db) => touched.regionsOfUnits(db, [numberAt(body(request), 'unitId')]);

export { touched };
