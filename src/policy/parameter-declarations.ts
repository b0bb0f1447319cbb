// Every parameter file's declaration, by rule: the loader checks each file against its rule's shapes.
import type { ParameterDeclaration } from './core/parameters.ts';
import { contributionParameters } from './contribution.ts';
import { sizeParameters } from './enterprise-size.ts';
import { fundMonitoringParameters } from './fund-monitoring.ts';
import { publicNoticeParameters } from './public-notice.ts';
import { riskControlParameters } from './risk-control.ts';
import { refundParameters } from './refund/refund-parameters.ts';
import { skillSubsidyParameters } from './skill-subsidy.ts';
import { spendingCapParameters } from './spending-cap.ts';
import { benefitParameters } from './unemployment-benefit.ts';
import { medicalOnBehalfParameters } from './benefit/medical-on-behalf.ts';
import { priceSubsidyParameters } from './benefit/price-subsidy.ts';

export const PARAMETER_DECLARATIONS: ReadonlyMap<string, ParameterDeclaration> = new Map(
  [
    contributionParameters,
    sizeParameters,
    fundMonitoringParameters,
    publicNoticeParameters,
    refundParameters,
    skillSubsidyParameters,
    spendingCapParameters,
    benefitParameters,
    riskControlParameters,
    medicalOnBehalfParameters,
    priceSubsidyParameters,
  ].map((declaration): [string, ParameterDeclaration] => [declaration.rule, declaration]),
);
