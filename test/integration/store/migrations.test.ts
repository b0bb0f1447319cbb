import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/adapters/store/migrate.ts';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { storeBackends } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`schema on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('opening an existing store again applies nothing and keeps its data', async () => {
      const config = await backend.freshConfig();
      const first = await openStore(config);
      await first.db
        .insertInto('units')
        .values({ credit_code: '91371000MA3C000001', name: '威海测试有限公司', org_type: 'enterprise', region_code: '371002' })
        .execute();
      await first.close();

      const second = await openStore(config);
      try {
        expect(await migrate(second.db)).toEqual([]);
        const recorded = await second.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
        expect(recorded.map((row) => row.name)).toEqual((await loadMigrations()).map((m) => m.name));
        expect(await second.db.selectFrom('units').select('name').execute()).toEqual([{ name: '威海测试有限公司' }]);
        expect(await second.db.selectFrom('regions').select('code').execute()).toHaveLength(24);
      } finally {
        await second.close();
      }
    });

    it('refuses a database on which a since-edited migration was applied', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const edited = (await loadMigrations()).map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
        await expect(migrate(store.db, edited)).rejects.toThrow(/001-initial\.sql 在执行后被修改过/);
      } finally {
        await store.close();
      }
    });

    it("seeds Shandong's 16 cities and Weihai's districts, county-level cities and development zones", async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const regions = await store.db.selectFrom('regions').selectAll().orderBy('code').execute();
        const childrenOf = (code: string) => regions.filter((r) => r.parent_code === code);
        expect(regions.find((r) => r.code === '370000')).toEqual({
          code: '370000',
          name: '山东省',
          parent_code: null,
          kind: 'province',
        });
        expect(childrenOf('370000').map((r) => r.code)).toEqual([
          '370100',
          '370200',
          '370300',
          '370400',
          '370500',
          '370600',
          '370700',
          '370800',
          '370900',
          '371000',
          '371100',
          '371300',
          '371400',
          '371500',
          '371600',
          '371700',
        ]);
        expect(childrenOf('370000').every((r) => r.kind === 'city')).toBe(true);
        expect(childrenOf('371000').map((r) => [r.code, r.kind])).toEqual([
          ['371002', 'district'],
          ['371003', 'district'],
          ['371071', 'development_zone'],
          ['371072', 'development_zone'],
          ['371073', 'development_zone'],
          ['371082', 'county_city'],
          ['371083', 'county_city'],
        ]);
        expect(regions).toHaveLength(24);
      } finally {
        await store.close();
      }
    });
  });
}
