// Chinese labels of the coded values an import file carries, as the agency's staff write them.
import type { GrantType, OrgType, PaymentKind, UnitFlag } from '../../../adapters/store/schema.ts';
import type { Industry } from '../../../policy/core/input-fields.ts';

export const ORG_TYPE_LABELS: Readonly<Record<string, OrgType>> = {
  企业: 'enterprise',
  社会团体: 'social_organization',
  基金会: 'foundation',
  社会服务机构: 'social_service_agency',
  律师事务所: 'law_firm',
  会计师事务所: 'accounting_firm',
  个体工商户: 'individual_business',
  机关: 'government_agency',
  事业单位: 'public_institution',
};

/** The industry rows of 工信部联企业〔2011〕300号 (policy/parameters/enterprise-size.yaml). */
export const INDUSTRY_LABELS: Readonly<Record<string, Industry>> = {
  '农、林、牧、渔业': 'agriculture',
  工业: 'industrial',
  建筑业: 'construction',
  批发业: 'wholesale',
  零售业: 'retail',
  交通运输业: 'transport',
  仓储业: 'warehousing',
  邮政业: 'postal',
  住宿业: 'accommodation',
  餐饮业: 'catering',
  信息传输业: 'information_transmission',
  软件和信息技术服务业: 'software_it',
  房地产开发经营: 'real_estate',
  物业管理: 'property_management',
  租赁和商务服务业: 'leasing_business',
  其他未列明行业: 'other',
};

export const UNIT_FLAG_LABELS: Readonly<Record<string, UnitFlag>> = {
  严重失信: 'serious_dishonesty',
  僵尸企业: 'zombie',
  注销: 'deregistered',
  破产: 'bankruptcy',
};

export const PAYMENT_KIND_LABELS: Readonly<Record<string, PaymentKind>> = { 缴费: 'contribution', 滞纳金: 'late_fee' };

export const GRANT_TYPE_LABELS: Readonly<Record<string, GrantType>> = {
  技能提升补贴: 'skill_subsidy',
  职业培训补贴: 'vocational_training_subsidy',
};

/** 国家职业资格 / 职业技能等级: 一级 (高级技师) … 五级 (初级工). */
export const CERTIFICATE_LEVEL_LABELS: Readonly<Record<string, number>> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, 五级: 5 };
export const CERTIFICATE_LEVEL_NOTE = '一级为高级技师，二级为技师，三级为高级工，四级为中级工，五级为初级工';
