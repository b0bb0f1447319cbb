// The identity of a request that passed the guard, in the forms handlers need.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/refund-case.ts';
import { staffActorOf, type Identity, type StaffIdentity } from '../../services/identity/identity.ts';

function identityOf<K extends Identity['kind']>(request: FastifyRequest, kind: K): Extract<Identity, { kind: K }> {
  const identity = request.identity;
  if (identity?.kind !== kind) throw new Error(`route ${request.url} reached without a ${kind} session: check its config.access`);
  return identity as Extract<Identity, { kind: K }>;
}

export const staffOf = (request: FastifyRequest): StaffIdentity => identityOf(request, 'staff');
export const unitOf = (request: FastifyRequest) => identityOf(request, 'unit');
export const personOf = (request: FastifyRequest) => identityOf(request, 'person');

/** The signed-in member of staff as a workflow actor, in the first role they hold that the route allows. */
export function actorOf(request: FastifyRequest): Actor & { kind: 'staff' } {
  const identity = staffOf(request);
  const allowed = request.routeOptions.config.access?.staff ?? [];
  const role = identity.roles.find((held) => allowed.includes(held)) ?? identity.roles[0]!;
  return staffActorOf(identity, role);
}
