// Pieces every area's schemas share: record numbers, rounds, region codes, dates, amounts and the refusal body.
import { z } from 'zod';

/** A record's number in a path or query: a positive integer of at most 15 digits, kept as text. */
export const idText = z.string().regex(/^[1-9][0-9]{0,14}$/, { message: '须为正整数编号' });
export const roundText = z.string().regex(/^[0-9]{4}$/, { message: '年度须为4位数字' });
export const regionCode = z.string().regex(/^[0-9]{6}$/, { message: '行政区划代码须为6位数字' });
/** An instant: a Date in the services, ISO 8601 text on the wire (what the console reads: z.input). */
export const instant = z.codec(z.string(), z.date(), { decode: (text) => new Date(text), encode: (date) => date.toISOString() });
export const fen = z.number().int();

const refusal = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const refusals = { 400: refusal, 403: refusal, 404: refusal, 409: refusal } as const;

/** A record's number in the path (`/…/:id`). */
export const idParams = z.object({ id: idText });

/** The codes of a vocabulary table as a zod enum. */
export const codesOf = <K extends string>(labels: Readonly<Record<K, string>>) => z.enum(Object.keys(labels) as [K, ...K[]]);
