// Request validation errors in Chinese: ajv's messages localised with ajv-i18n, naming the field.
import { createRequire } from 'node:module';
import type { Localize } from 'ajv-i18n/localize/types.js';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

// ajv-i18n is CommonJS with a default export its types describe as ESM; require it to get the function itself.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as Localize;

const partNames: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function chineseValidationError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  // zod routes (zod-routes.ts) bring their messages in Chinese already; only ajv's need localising.
  localizeZh(errors.filter((e) => !(e.params as { zod?: boolean }).zod) as Parameters<typeof localizeZh>[0]);
  const first = errors[0];
  const field = first?.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : '';
  const missing =
    first?.keyword === 'required' ? String((first.params as { missingProperty?: string }).missingProperty ?? '') : '';
  const where = [partNames[dataVar] ?? dataVar, field || missing].filter(Boolean).join(' ');
  return new Error(`${where}：${first?.message ?? '格式不正确'}`);
}
