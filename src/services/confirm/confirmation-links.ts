// The confirmation link in the SMS: a random token (32 bytes, base64url) of which only the SHA-256 hash is stored,
// valid for 30 days (the notice asks the unit to confirm within 30 days).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

export const LINK_VALID_DAYS = 30;
const DAY_MS = 86_400_000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function confirmationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/confirm/${token}`;
}

/** Stores a new link for the unit and returns its token (which exists nowhere else but in the SMS). */
export async function createConfirmationLink(
  trx: Transaction<Database> | Kysely<Database>,
  link: { round: string; unitId: number; at: Date; expiresAt?: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('confirmation_links')
    .values({
      token_hash: tokenHash(token),
      round: link.round,
      unit_id: link.unitId,
      created_at: link.at,
      expires_at: link.expiresAt ?? new Date(link.at.getTime() + LINK_VALID_DAYS * DAY_MS),
    })
    .execute();
  return token;
}
