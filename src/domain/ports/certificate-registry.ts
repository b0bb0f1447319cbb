// Port for the national vocational-qualification / skill-level certificate query (技能人才评价证书全国联网查询).
// Today it is answered from the registry's file extracts imported into the store (adapters/registry/); a live
// connector to the national query can replace it without touching the casework.
import type { IsoDate } from '../../policy/core/dates.ts';

export interface RegistryCertificate {
  number: string;
  /** The holder, as known to the store. */
  personId: number;
  occupationCode: string;
  occupationName: string | null;
  /** 1 高级技师 … 5 初级. */
  level: number;
  issueDate: IsoDate;
  issuingBody: string | null;
  /** Found in the national query (an extract line marked verified, or a live answer). */
  verified: boolean;
  regionCode: string;
}

export interface CertificateRegistry {
  byNumber(number: string): Promise<RegistryCertificate | undefined>;
  /** Every certificate of the holder of this ID number, newest first. */
  byIdNumber(idNumber: string): Promise<RegistryCertificate[]>;
}
