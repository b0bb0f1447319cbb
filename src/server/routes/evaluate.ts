// POST /api/v1/evaluate/<rule>: the evaluation contract over HTTP, one route per rule so each is documented.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rules } from '../../policy/index.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { ContractError, evaluateBody } from '../../services/evaluate.ts';
import { PUBLIC } from '../security/access.ts';
import { BATCH_BODY_LIMIT, BODY_LIMIT, bodyLimitText, staffBatchBody } from '../security/body-limits.ts';

const LIMITS = `请求体上限：匿名调用 ${bodyLimitText(BODY_LIMIT)}；已登录的工作人员 ${bodyLimitText(BATCH_BODY_LIMIT)}（批量评估）。`;

export async function evaluateRoutes(
  app: FastifyInstance,
  options: { params: ParameterStore; openBatches: boolean },
): Promise<void> {
  // The body schemas document the contract; each case is validated by the rule's own schema so that one bad case
  // never fails the call (and 100,000 cases are not validated twice).
  app.setValidatorCompiler(() => () => true);
  for (const rule of rules.values()) {
    const caseSchema = z.toJSONSchema(rule.input, { io: 'input', unrepresentable: 'any' });
    app.post(
      `/evaluate/${rule.name}`,
      {
        config: { access: PUBLIC },
        ...staffBatchBody(options.openBatches),
        schema: {
          summary: `${rule.title}（${rule.article}）`,
          description: `一个案例或案例数组。${LIMITS}`,
          tags: ['evaluate'],
          body: { anyOf: [caseSchema, { type: 'array', items: caseSchema }] },
        },
      },
      async (request, reply) => {
        try {
          return evaluateBody(rule, request.body, options.params);
        } catch (error) {
          if (error instanceof ContractError)
            return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: error.message } });
          throw error;
        }
      },
    );
  }
}
