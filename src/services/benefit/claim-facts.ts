// What a benefit claim is decided from (鲁人社发〔2024〕8号 第七条：仅凭身份证或社保卡即可申领): the person brings only
// the ID number; insurance months, the separation and its reason, the unemployment registration, an earlier
// claim's unused months and a transfer from another place are all read from the store.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { isInvoluntary, type SeparationReason } from '../../domain/benefit.ts';
import { periodOf, type IsoDate, type Period } from '../../policy/core/dates.ts';
import type { UnemploymentBenefitInput } from '../../policy/unemployment-benefit.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClaimFacts {
  personId: number;
  regionCode: string;
  claimDate: IsoDate;
  registration:
    { separatedOn: IsoDate; reason: SeparationReason; registeredOn: IsoDate | null; unitId: number | null } | undefined;
  localContributionMonths: number;
  transferIn: { id: number; insuredMonths: number; usedMonths: number; remainingMonths: number; counterpart: string } | undefined;
  earlierClaim: { id: number; contributionMonths: number; unusedMonths: number } | undefined;
  firstPeriod: Period;
}

export async function readClaimFacts(db: Db, personId: number, claimDate: IsoDate): Promise<ClaimFacts | undefined> {
  const person = await db.selectFrom('persons').select(['id', 'region_code']).where('id', '=', personId).executeTakeFirst();
  if (!person) return undefined;
  const registration = await db
    .selectFrom('unemployment_registrations')
    .selectAll()
    .where('person_id', '=', personId)
    .where('separated_on', '<=', claimDate)
    .orderBy('separated_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const months = await db
    .selectFrom('person_contributions')
    .select(sql<number>`count(distinct period)::int`.as('n'))
    .where('person_id', '=', personId)
    .where('period', '<=', periodOf(claimDate))
    .executeTakeFirstOrThrow();
  const transfer = await db
    .selectFrom('benefit_transfers')
    .selectAll()
    .where('person_id', '=', personId)
    .where('direction', '=', 'in')
    .where('transferred_on', '<=', claimDate)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('benefit_claims')
            .select('id')
            .whereRef('transfer_in_id', '=', 'benefit_transfers.id')
            .where('status', '<>', 'returned'),
        ),
      ),
    )
    .orderBy('transferred_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const earlier = await db
    .selectFrom('benefit_claims as c')
    .select([
      'c.id',
      'c.contribution_months',
      'c.stop_reason',
      sql<number>`(c.max_months - (select count(*) from benefit_months m where m.claim_id = c.id and m.status = 'paid'))::int`.as(
        'unused',
      ),
    ])
    .where('c.person_id', '=', personId)
    .where('c.status', 'in', ['stopped', 'ended'])
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const registeredOn = registration?.registered_on ?? null;
  const start = registeredOn && registeredOn > claimDate ? registeredOn : claimDate;
  return {
    personId,
    regionCode: person.region_code,
    claimDate,
    registration: registration && {
      separatedOn: registration.separated_on,
      reason: registration.separation_reason,
      registeredOn,
      unitId: registration.unit_id,
    },
    localContributionMonths: months.n,
    transferIn: transfer && {
      id: transfer.id,
      insuredMonths: transfer.insured_months,
      usedMonths: transfer.used_months,
      remainingMonths: transfer.remaining_months,
      counterpart: transfer.counterpart,
    },
    // Months stopped by a transfer out went with the person; they are carried by the other place, not here.
    earlierClaim: earlier && {
      id: earlier.id,
      contributionMonths: earlier.contribution_months,
      unusedMonths: earlier.stop_reason === 'transferred_out' ? 0 : Math.max(earlier.unused, 0),
    },
    firstPeriod: periodOf(start),
  };
}

/**
 * The rule's input. A transfer that carried an entitlement (months used or left) brings its remaining months, and
 * its insured months count towards the year of insurance but earn no new months; a transfer without one adds its
 * insured months. An earlier claim's months were counted for it; its unused months carry over (失业保险条例 第十七条).
 */
export function claimInput(facts: ClaimFacts, claimId: string): UnemploymentBenefitInput {
  const t = facts.transferIn;
  const transferHadEntitlement = t !== undefined && t.usedMonths + t.remainingMonths > 0;
  const contributionMonths = facts.localContributionMonths + (t?.insuredMonths ?? 0);
  const consumed = (facts.earlierClaim?.contributionMonths ?? 0) + (transferHadEntitlement ? t.insuredMonths : 0);
  return {
    id: claimId,
    claimDate: facts.claimDate,
    contributionMonths,
    involuntary: facts.registration ? isInvoluntary(facts.registration.reason) : false,
    registeredUnemployed: facts.registration?.registeredOn != null && facts.registration.registeredOn <= facts.claimDate,
    carriedOverMonths: (facts.earlierClaim?.unusedMonths ?? 0) + (transferHadEntitlement ? t.remainingMonths : 0),
    consumedContributionMonths: Math.min(consumed, contributionMonths),
  };
}
