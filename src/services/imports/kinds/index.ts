// Every import kind by its command-line name, in the order data is usually loaded (units before what refers to them).
import type { AnyImportKind } from '../import-kind.ts';
import { benefitPeriodsKind } from './benefit-periods.ts';
import { benefitTransfersKind } from './benefit-transfers.ts';
import { personStatusEventsKind } from './person-status-events.ts';
import { unemploymentRegistrationsKind } from './unemployment-registrations.ts';
import { certificatesKind } from './certificates.ts';
import { contributionAccountsKind } from './contribution-accounts.ts';
import { comparisonImportKinds } from './comparison-records.ts';
import { contributionMonthsKind } from './contribution-months.ts';
import { dispatchPlacementsKind } from './dispatch-placements.ts';
import { headcountsKind } from './headcounts.ts';
import { insuranceSpellsKind } from './insurance-spells.ts';
import { personContributionsKind } from './person-contributions.ts';
import { personsKind } from './persons.ts';
import { subsidyGrantsKind } from './subsidy-grants.ts';
import { unitFlagsKind } from './unit-flags.ts';
import { unitPaymentsKind } from './unit-payments.ts';
import { unitsKind } from './units.ts';

export const importKinds: ReadonlyMap<string, AnyImportKind> = new Map(
  [
    unitsKind,
    unitFlagsKind,
    contributionAccountsKind,
    personsKind,
    insuranceSpellsKind,
    contributionMonthsKind,
    unitPaymentsKind,
    personContributionsKind,
    headcountsKind,
    dispatchPlacementsKind,
    certificatesKind,
    subsidyGrantsKind,
    benefitPeriodsKind,
    unemploymentRegistrationsKind,
    personStatusEventsKind,
    benefitTransfersKind,
    ...comparisonImportKinds,
  ].map((kind: AnyImportKind) => [kind.spec.kind, kind]),
);
