// A whole round through the HTTP API, on each store backend: afterwards no bank account number is readable in the
// database — neither in a pg_dump of the PostgreSQL database nor in the files of the closed PGlite data folder — and
// the server's JSON logs of the whole round hold no bank account number, mobile number or SMS code (the instruction
// file for the bank is the one place the accounts are written in full, and the search finds them there).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { runRoundThroughApi } from '../../support/api-round.ts';
import { numbersIn, numbersInFolder } from '../../support/find-numbers.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

function collector(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`a round through the API on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-at-rest-');

    it('leaves no bank account in the database and no personal number in the logs', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const logs: string[] = [];
      let numbers;
      try {
        numbers = await runRoundThroughApi(store, folder(), collector(logs));
        const paid = await store.db.selectFrom('payments').select('status').execute();
        expect(paid.length).toBeGreaterThan(0);
        expect(paid.every((p) => p.status === 'paid')).toBe(true);
      } finally {
        await store.close();
      }
      expect(numbers.accounts.size).toBeGreaterThanOrEqual(7);
      expect(numbers.codes.size).toBeGreaterThan(0);

      const instruction = await readFile(join(folder(), 'instruction.csv'));
      expect(numbersIn(instruction, numbers.accounts).length).toBeGreaterThan(0);

      if ('databaseUrl' in config) {
        const dump = spawnSync('pg_dump', ['--no-owner', `--dbname=${config.databaseUrl}`], { maxBuffer: 1 << 28 });
        expect(dump.status, String(dump.stderr)).toBe(0);
        expect(dump.stdout.length).toBeGreaterThan(10_000);
        expect(numbersIn(dump.stdout, numbers.accounts)).toEqual([]);
      } else {
        expect(await numbersInFolder(config.dataDir, numbers.accounts)).toEqual([]);
      }

      const log = Buffer.from(logs.join(''));
      const entries = log
        .toString()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.length).toBeGreaterThan(20);
      expect(entries.map((e) => e.route)).toContain('/api/v1/bank/returns');
      // Each request line names the acting account by its id (staff:<id>), the units' confirmations by none.
      const screening = entries.find((e) => e.route === '/api/v1/rounds/:round/screenings')!;
      expect(screening).toMatchObject({ method: 'POST', status: 202, accountId: expect.stringMatching(/^staff:\d+$/) });
      expect(entries.find((e) => e.route === '/api/v1/confirm/:token')).not.toHaveProperty('accountId');
      expect(numbersIn(log, numbers.accounts)).toEqual([]);
      expect(numbersIn(log, numbers.phones)).toEqual([]);
      expect(numbersIn(log, numbers.codes)).toEqual([]);
    }, 240_000);
  });
}
