// Sign-in for the enterprise and person portals: a unit gives its unified social credit code, a person their
// ID number; a six-digit code is texted to the mobile number the agency holds for them (one-time-code.ts: 5 minutes,
// 5 tries, one per minute), and the code opens a session. Whether the code or ID number is known is never said: the
// answer to a request for a code is the same either way.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { ConfirmError } from '../confirm/confirm-error.ts';
import { checkCode, issueCode } from '../confirm/one-time-code.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { signInCodeText } from '../notify/templates.ts';
import { openSession, type OpenedSession } from './sessions.ts';

export type PortalKind = 'unit' | 'person';

interface PortalAccount {
  id: number;
  phoneCipher: Buffer | null;
  phoneMasked: string | null;
  /** Recorded as the actor in the audit trail. */
  auditName: string;
  subject: string;
}

interface PortalRequest {
  kind: PortalKind;
  /** The credit code or ID number as typed. */
  identifier: string;
  clock: Clock;
  cipher: FieldCipher;
}

export const CODE_SENT_MESSAGE = '如该号码已在经办机构登记手机号码，验证码已发送，5分钟内有效';
/** Every refused code gets this one answer, so it never tells whether the identifier is registered. */
export const CODE_REFUSED = new ConfirmError('CODE_WRONG', '验证码错误或已失效，请核对或重新获取（每个验证码最多可尝试5次）');

async function findAccount(db: Kysely<Database>, request: PortalRequest): Promise<PortalAccount | undefined> {
  const identifier = request.identifier.trim().toUpperCase();
  if (request.kind === 'unit') {
    const unit = await db
      .selectFrom('units')
      .select(['id', 'credit_code', 'contact_phone_cipher', 'contact_phone_masked'])
      .where('credit_code', '=', identifier)
      .executeTakeFirst();
    return (
      unit && {
        id: unit.id,
        phoneCipher: unit.contact_phone_cipher,
        phoneMasked: unit.contact_phone_masked,
        auditName: `单位:${unit.credit_code}`,
        subject: auditSubject.unit(unit.id),
      }
    );
  }
  const person = await db
    .selectFrom('persons')
    .select(['id', 'phone_cipher', 'phone_masked'])
    .where('id_number_index', '=', request.cipher.blindIndex(identifier))
    .executeTakeFirst();
  return (
    person && {
      id: person.id,
      phoneCipher: person.phone_cipher,
      phoneMasked: person.phone_masked,
      auditName: `个人:${person.id}`,
      subject: auditSubject.person(person.id),
    }
  );
}

const purposeOf = (kind: PortalKind) => `sign-in-${kind}`;

/** Texts a sign-in code when the unit or person is known and has a mobile number; says the same thing either way. */
export async function requestSignInCode(db: Kysely<Database>, request: PortalRequest): Promise<{ message: string }> {
  const account = await findAccount(db, request);
  if (!account?.phoneCipher) return { message: CODE_SENT_MESSAGE };
  const now = request.clock.now();
  try {
    await db.transaction().execute(async (trx) => {
      const { id, code } = await issueCode(trx, {
        purpose: purposeOf(request.kind),
        subject: String(account.id),
        now,
        cipher: request.cipher,
      });
      await enqueueSms(trx, {
        key: `code:${purposeOf(request.kind)}:${id}`,
        round: null,
        unitId: request.kind === 'unit' ? account.id : null,
        phoneCipher: account.phoneCipher!,
        phoneMasked: account.phoneMasked ?? '（未登记）',
        template: 'sign_in_code',
        body: signInCodeText(code),
        at: now,
      });
    });
  } catch (error) {
    // Asked again within the minute: the code already sent still holds, and refusing would tell a known number from
    // an unknown one, so the answer stays the same and no second SMS goes out.
    if (!(error instanceof ConfirmError && error.code === 'CODE_TOO_SOON')) throw error;
  }
  return { message: CODE_SENT_MESSAGE };
}

/** Opens a session when the code matches; any refusal is CODE_REFUSED (the wrong try is counted and audited). */
export async function signInWithCode(
  db: Kysely<Database>,
  request: PortalRequest & { code: string; ip?: string },
): Promise<OpenedSession> {
  const now = request.clock.now();
  const account = await findAccount(db, request);
  const refusal = account
    ? await db.transaction().execute(async (trx) => {
        const wrong = await checkCode(trx, {
          purpose: purposeOf(request.kind),
          subject: String(account.id),
          code: request.code,
          now,
          cipher: request.cipher,
        });
        await appendAudit(trx, {
          actor: account.auditName,
          action: wrong ? 'auth.sign_in_failed' : 'auth.sign_in',
          subject: account.subject,
          at: now,
          detail: request.ip ? { ip: request.ip } : null,
        });
        return wrong;
      })
    : CODE_REFUSED;
  if (refusal) throw CODE_REFUSED;
  return openSession(
    db,
    request.kind === 'unit' ? { kind: 'unit', unitId: account!.id } : { kind: 'person', personId: account!.id },
    now,
  );
}
