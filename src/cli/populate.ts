// Fills a store with the synthetic population (used by `wengang generate` and by the first `npm start`).
import { projectParameters } from '../adapters/parameters/load-parameters.ts';
import { keyRingFromEnv } from '../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../adapters/crypto/sm-field-cipher.ts';
import type { Store } from '../adapters/store/open-store.ts';
import { generateIntoStore } from '../demo/generate/generate-into-store.ts';
import type { GenerationCounts } from '../demo/generate/generate-population.ts';
import type { ScaleName } from '../demo/generate/scales.ts';
import { argon2PasswordHasher } from '../adapters/crypto/argon2-password-hasher.ts';
import { DEMO_PASSWORD, demoStaff, seedDemoStaff } from '../demo/demo-staff.ts';
import { commandClock } from './command-support.ts';
import { progressPrinter } from './progress.ts';
import { settings } from '../config/settings.ts';

export async function populationExists(store: Store): Promise<boolean> {
  return (await store.db.selectFrom('units').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function populate(store: Store, scale: ScaleName, seed: number): Promise<GenerationCounts & { seconds: number }> {
  const { keyRing, development } = keyRingFromEnv(settings());
  if (development) process.stderr.write('注意：未配置 WENGANG_KEYS / WENGANG_INDEX_KEY，个人信息使用开发密钥加密，仅供演示\n');
  const started = performance.now();
  const counts = await generateIntoStore(store, {
    scale,
    seed,
    cipher: new SmFieldCipher(keyRing),
    params: projectParameters(),
    onProgress: progressPrinter(process.stderr),
  });
  if (scale === 'demo' && (await seedDemoStaff(store.db, argon2PasswordHasher, commandClock())) > 0) {
    process.stderr.write(
      `演示账号（密码均为 ${DEMO_PASSWORD}，仅供演示）：${demoStaff.map((a) => `${a.username}（${a.displayName}）`).join('、')}\n`,
    );
  }
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
