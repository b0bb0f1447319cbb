// Port for staff passwords: a slow, salted one-way hash (argon2id in src/adapters/crypto/).
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `hash`; false (never a throw) for a wrong password or a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
}
