// Staff passwords hashed with argon2id (RFC 9106) through @node-rs/argon2, at OWASP's recommended minimum cost
// (19 MiB memory, 2 passes, 1 lane); the parameters are stored in each hash, so raising them later keeps old hashes valid.
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../domain/ports/password-hasher.ts';

/** The library's Algorithm.Argon2id (a const enum, which cannot be imported under verbatimModuleSyntax). */
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2PasswordHasher: PasswordHasher = {
  hash: (password) => hash(password, options),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
