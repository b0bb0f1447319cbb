// POST /api/v1/evaluate/<rule>: the evaluation contract over HTTP, one route per rule so each is documented.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rules } from '../../policy/index.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { ContractError, evaluateBody } from '../../services/evaluate.ts';

export async function evaluateRoutes(app: FastifyInstance, options: { params: ParameterStore }): Promise<void> {
  for (const rule of rules.values()) {
    const caseSchema = z.toJSONSchema(rule.input, { io: 'input', unrepresentable: 'any' });
    app.post(`/evaluate/${rule.name}`, {
      // The schema documents the contract; each case is validated on its own so one bad case never fails the call.
      attachValidation: true,
      schema: {
        summary: `${rule.title}（${rule.article}）`,
        tags: ['evaluate'],
        body: { anyOf: [caseSchema, { type: 'array', items: caseSchema }] },
      },
    }, async (request, reply) => {
      try {
        return evaluateBody(rule, request.body, options.params);
      } catch (error) {
        if (error instanceof ContractError) return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: error.message } });
        throw error;
      }
    });
  }
}
