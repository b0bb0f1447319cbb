// The demo people README.md names for /person: on a small generated population in a store, the registered unemployed
// person's benefit claim by ID number alone, and the certificate holder's skill-subsidy application by certificate
// number alone, are both decided eligible by the real services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { importedCertificateRegistry } from '../../../src/adapters/registry/imported-certificate-registry.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { generateIntoStore } from '../../../src/demo/generate/generate-into-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { submitBenefitClaim } from '../../../src/services/benefit/submit-claim.ts';
import { applyForSkillSubsidy } from '../../../src/services/skill-subsidy/apply.ts';
import { testCipher } from '../../support/import-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const params = projectParameters();
/** The date README.md tells the demo to start with (WENGANG_NOW=2024-10-10). */
const clock = fixedClock('2024-10-10T10:00:00+08:00');
const CLAIMANT_ID_NUMBER = '371002198604159914';
const CERTIFICATE_NUMBER = 'S371002249999999400001';

const [pglite] = storeBackends();

describe('demo people for the person portal', () => {
  let store: Store;
  beforeAll(async () => {
    await pglite!.setup();
    store = await openStore(await pglite!.freshConfig());
    await generateIntoStore(store, {
      scale: { units: 20, regions: 'weihai', people: { unitShare: 0 }, demoPeople: true },
      seed: 1,
      cipher: testCipher,
      params,
    });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await pglite!.teardown();
  });

  it('lets 刘建军 claim benefit with only his ID number: 24 months insured, contract expired, registered', async () => {
    const { decision } = await submitBenefitClaim(store.db, {
      person: { idNumber: CLAIMANT_ID_NUMBER, cipher: testCipher },
      channel: 'case_worker',
      by: '经办员甲',
      params,
      clock,
    });
    expect(decision.status).toBe('eligible');
    expect(decision.reasons).toEqual([]);
    expect(decision.amountFen).toBeGreaterThan(0);
    const claim = await store.db
      .selectFrom('benefit_claims')
      .select(['contribution_months', 'first_period'])
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ contribution_months: 24, first_period: '2024-10' });
  });

  it('lets the other two registered unemployed (laid off; unit terminated) claim as well', async () => {
    for (const idNumber of ['371002197911029920', '371002199207219930']) {
      const { decision } = await submitBenefitClaim(store.db, {
        person: { idNumber, cipher: testCipher },
        channel: 'portal',
        by: '个人',
        params,
        clock,
      });
      expect(decision.status, idNumber).toBe('eligible');
    }
  });

  it('lets 陈晓东 apply for the skill subsidy with only the certificate number, for a level-4 certificate', async () => {
    const holder = await store.db
      .selectFrom('persons')
      .select('id')
      .where('id_number_index', '=', testCipher.blindIndex('371002199005089955'))
      .executeTakeFirstOrThrow();
    const result = await applyForSkillSubsidy(store.db, {
      certificateNumber: CERTIFICATE_NUMBER,
      channel: 'person_portal',
      by: '个人:3710**********9955',
      personId: holder.id,
      registry: importedCertificateRegistry(store.db, testCipher),
      cipher: testCipher,
      params,
      clock,
    });
    expect(result).toMatchObject({ status: 'eligible', retroactive: false, reasons: [] });
    expect(result.amountFen).toBe(150_000);
  });
});
