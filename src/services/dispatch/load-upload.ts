// The application's sheets read for one unit and round: the workers' contributions come from the store when it holds
// the unit's base-year per-person contributions (workers must then be named by 公民身份号码), otherwise from the
// uploaded payments sheet, which is then required.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { refundRound } from '../rounds.ts';
import { DispatchUploadError, PAYMENT_FILE, readDispatchUpload, type DispatchUpload } from './read-upload.ts';
import { hasStoredWorkerPayments } from './stored-records.ts';

export interface UploadFiles {
  round: string;
  unitId: number;
  placementsPath: string;
  paymentsPath?: string;
  cipher: FieldCipher;
}

export interface LoadedUpload extends DispatchUpload {
  /** A payments sheet was uploaded but the store's contributions are used instead. */
  paymentsFileIgnored: boolean;
}

export async function loadDispatchUpload(db: Kysely<Database>, files: UploadFiles): Promise<LoadedUpload> {
  const { baseYear } = refundRound(files.round);
  const stored = await hasStoredWorkerPayments(db, files.unitId, baseYear);
  if (!stored && !files.paymentsPath) {
    throw new DispatchUploadError([
      {
        file: PAYMENT_FILE,
        row: 0,
        column: '',
        value: '',
        message: `系统中没有本单位 ${baseYear} 年度的个人缴费明细，请同时上传缴费明细表（公民身份号码或职工编号、费款所属期、缴费日期、金额）`,
      },
    ]);
  }
  const upload = await readDispatchUpload({
    placementsPath: files.placementsPath,
    paymentsPath: stored ? undefined : files.paymentsPath,
    cipher: files.cipher,
    requireIdNumber: stored,
  });
  return { ...upload, paymentsFileIgnored: stored && files.paymentsPath !== undefined };
}
