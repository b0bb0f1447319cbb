// `wengang campaign opt-out`: a case worker records a unit's or person's telephone request to stop policy push SMS,
// and its withdrawal, on PGlite; a second identical request changes nothing, other roles are refused, and each change
// is audited under the case worker's name.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { CliError } from '../../../src/cli/cli-error.ts';
import { runCampaign } from '../../../src/cli/commands/campaign.ts';
import { idNumberOf } from '../../support/dispatch-fixtures.ts';
import { insertPerson } from '../../support/person-fixtures.ts';
import { insertUnit } from '../../support/review-fixtures.ts';
import { runCommand } from '../../support/run-command.ts';

let dir = '';
let unitId = 0;
let personId = 0;
const saved = { ...process.env };
const dataDir = () => join(dir, 'data', 'pglite');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wengang-opt-out-cli-'));
  Object.assign(process.env, { WENGANG_DATA: join(dir, 'data'), WENGANG_NOW: '2024-10-08T10:00:00+08:00' });
  delete process.env.DATABASE_URL;
  const store = await openStore({ dataDir: dataDir() });
  unitId = (await insertUnit(store.db, { name: '电话退订有限公司' })).id;
  personId = await insertPerson(store.db, { name: '电话退订人', idNumber: idNumberOf(8_001), phone: '13900000001' });
  await store.close();
});

afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

const optOut = async (...args: string[]) => {
  const { code, out } = await runCommand(runCampaign, ['opt-out', ...args, '--user', '经办王五', '--json']);
  expect(code).toBe(0);
  return JSON.parse(out) as { receivesPush: boolean; changed: boolean };
};

describe('wengang campaign opt-out', () => {
  it('records and withdraws opt-outs taken by telephone, once each, audited under the case worker', async () => {
    expect(await optOut('--person', String(personId))).toMatchObject({ receivesPush: false, changed: true });
    expect(await optOut('--person', String(personId))).toMatchObject({ receivesPush: false, changed: false });
    expect(await optOut('--unit', String(unitId))).toMatchObject({ receivesPush: false, changed: true });
    expect(await optOut('--person', String(personId), '--withdraw')).toMatchObject({ receivesPush: true, changed: true });

    await expect(
      runCampaign(['opt-out', '--unit', String(unitId), '--person', String(personId), '--user', '经办王五']),
    ).rejects.toThrow(CliError);
    await expect(
      runCampaign(['opt-out', '--unit', String(unitId), '--withdraw', '--user', '复核李四', '--role', 'reviewer']),
    ).rejects.toMatchObject({ zh: '只有经办员可以登记推送短信退订' });

    const store = await openStore({ dataDir: dataDir() });
    try {
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'subject'])
        .where('action', 'like', 'campaign.opt_%')
        .orderBy('seq')
        .execute();
      expect(audit).toEqual([
        { actor: '经办王五', action: 'campaign.opt_out', subject: `person:${personId}` },
        { actor: '经办王五', action: 'campaign.opt_out', subject: `unit:${unitId}` },
        { actor: '经办王五', action: 'campaign.opt_in', subject: `person:${personId}` },
      ]);
      expect(await store.db.selectFrom('push_opt_outs').select(['unit_id', 'recorded_by']).execute()).toEqual([
        { unit_id: unitId, recorded_by: '经办王五' },
      ]);
      expect(await store.db.selectFrom('person_push_opt_outs').select('person_id').execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
