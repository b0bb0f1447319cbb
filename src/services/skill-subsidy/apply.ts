// A skill-upgrade subsidy application (鲁人社发〔2024〕8号 第四条): the person gives only a certificate number — from
// the person portal, through a case worker, or through the API. The certificate comes from the registry, everything
// else from the store; the skill-subsidy rule decides and the decision is stored with its trace, awaiting a second
// person. An application dated before the notice (2024-07-09) is flagged retroactive (补发). One grant per person,
// occupation and level: the unique index refuses a second live application, however the two arrive.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { SkillApplicationChannel } from '../../adapters/store/schema-skill-subsidy.ts';
import type { CertificateRegistry } from '../../domain/ports/certificate-registry.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { isValidDate, type IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { evaluateSkillSubsidy } from '../../policy/skill-subsidy.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { inputHash } from '../screening/input-hash.ts';
import { skillSubsidyInput } from './skill-inputs.ts';

export interface SkillApplicationRequest {
  certificateNumber: string;
  channel: SkillApplicationChannel;
  /** Who submits: a staff name, or `个人:<masked ID>` for the person. */
  by: string;
  /** The signed-in person: the certificate must be theirs. */
  personId?: number;
  /** The date the application was received (a case worker entering an earlier paper application); today otherwise. */
  applicationDate?: IsoDate;
  registry: CertificateRegistry;
  cipher: FieldCipher;
  params: ParameterStore;
  clock: Clock;
}

export interface SubmittedSkillApplication {
  id: number;
  status: 'eligible' | 'ineligible' | 'needs_review';
  amountFen: number;
  retroactive: boolean;
  reasons: string[];
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

async function refuseDuplicate(db: Kysely<Database>, personId: number, occupationCode: string, level: number): Promise<never> {
  const live = await db
    .selectFrom('skill_subsidy_applications')
    .select(['id', 'state'])
    .where('person_id', '=', personId)
    .where('occupation_code', '=', occupationCode)
    .where('level', '=', level)
    .where('state', '<>', 'returned')
    .where('status', '<>', 'ineligible')
    .executeTakeFirst();
  throw new Refusal(
    'CONFLICT',
    `同一职业（工种）同一等级已有技能提升补贴申请（编号 ${live?.id ?? '—'}），每人只能享受一次，不能重复申请`,
  );
}

export async function applyForSkillSubsidy(
  db: Kysely<Database>,
  request: SkillApplicationRequest,
): Promise<SubmittedSkillApplication> {
  const number = request.certificateNumber.trim();
  if (!number) throw new Refusal('INVALID', '请填写证书编号');
  const applicationDate = request.applicationDate ?? request.clock.today();
  if (!isValidDate(applicationDate)) throw new Refusal('INVALID', '申请日期须为 YYYY-MM-DD 格式的有效日期');
  if (applicationDate > request.clock.today()) throw new Refusal('INVALID', '申请日期不能晚于今天');
  const certificate = await request.registry.byNumber(number);
  if (!certificate || (request.personId !== undefined && certificate.personId !== request.personId)) {
    throw new Refusal(
      'NOT_FOUND',
      `证书编号 ${number} 在证书查询系统中没有查到${request.personId !== undefined ? '您名下的证书' : ''}，请核对后重新输入`,
    );
  }
  const { personId } = certificate;
  try {
    return await db.transaction().execute(async (trx) => {
      await lockAuditLog(trx);
      const person = await trx
        .selectFrom('persons')
        .select(['id_number_cipher', 'region_code'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
      const idNumber = request.cipher.decrypt(person.id_number_cipher);
      const input = await skillSubsidyInput(trx, {
        applicationId: `skill:${number}`,
        personId,
        idNumber,
        certificate,
        applicationDate,
      });
      const decision = evaluateSkillSubsidy(input, request.params);
      const retroactive = decision.retroactive === true;
      const at = request.clock.now();
      const { id } = await trx
        .insertInto('skill_subsidy_applications')
        .values({
          person_id: personId,
          certificate_number: number,
          occupation_code: certificate.occupationCode,
          level: certificate.level,
          issue_date: certificate.issueDate,
          application_date: applicationDate,
          channel: request.channel,
          status: decision.status,
          state: 'submitted',
          amount_fen: decision.status === 'eligible' ? decision.amountFen : 0,
          reasons: JSON.stringify(decision.reasons),
          trace: JSON.stringify(decision.trace),
          retroactive,
          input_hash: inputHash(input, request.params.version),
          region_code: person.region_code,
          submitted_by: request.by,
          submitted_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The rule checked the full ID number: this entry records that read along with the application.
      await appendAudit(trx, {
        actor: request.by,
        action: 'skill_subsidy.apply',
        subject: `skill_subsidy_application:${id}`,
        at,
        detail: {
          personId,
          certificateNumber: number,
          channel: request.channel,
          status: decision.status,
          amountFen: decision.amountFen,
          retroactive,
          idNumberRead: true,
        },
      });
      return {
        id,
        status: decision.status,
        amountFen: decision.status === 'eligible' ? decision.amountFen : 0,
        retroactive,
        reasons: decision.reasons,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuseDuplicate(db, personId, certificate.occupationCode, certificate.level);
    throw error;
  }
}
