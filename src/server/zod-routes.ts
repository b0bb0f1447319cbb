// Routes whose schemas are zod (src/server/schemas): one definition validates the request, serialises the answer,
// types the handler, documents the route at /docs and gives the console its types (z.infer).
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const chinese = z.locales.zhCN().localeError;

/** Parses a request part with Chinese messages; app.ts's error formatter names the part and the field. */
const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: chinese });
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map((issue) => ({
        keyword: issue.code,
        instancePath: issue.path.length ? `/${issue.path.join('/')}` : '',
        schemaPath: '',
        params: { zod: true },
        message: issue.message,
      })),
    };
  };

/** Has the plugin's routes validate and serialise with their zod schemas, and returns the app typed by them. */
export function withZod(app: FastifyInstance) {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app.withTypeProvider<ZodTypeProvider>();
}

type SwaggerTransform = typeof jsonSchemaTransform;

/** The OpenAPI transform: zod route schemas become JSON Schema; routes still written in JSON Schema pass as they are. */
export const docsTransform: SwaggerTransform = (document) => {
  const parts = Object.values(document.schema ?? {}).flatMap((part) =>
    part && typeof part === 'object' ? [part, ...Object.values(part)] : [],
  );
  return parts.some((part) => part instanceof z.ZodType)
    ? jsonSchemaTransform(document)
    : { schema: document.schema, url: document.url };
};
