// Chinese names for generated people and units, drawn from common surnames, given-name characters and trade names.
import type { Industry, OrgType } from '../../policy/core/input-fields.ts';
import type { Rng } from './prng.ts';

/** Common surnames, Shandong's peninsula ones (于, 曲, 丛, 鞠 …) included; the first ones weigh most. */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '孙',
  '于',
  '陈',
  '杨',
  '赵',
  '徐',
  '曲',
  '丛',
  '林',
  '宋',
  '姜',
  '高',
  '周',
  '吴',
  '郭',
  '马',
  '鞠',
  '毕',
  '谷',
  '宫',
  '隋',
  '董',
  '黄',
  '胡',
  '朱',
  '郑',
  '梁',
  '谢',
  '韩',
  '唐',
  '冯',
  '许',
  '邓',
  '曹',
  '彭',
  '田',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '崔',
  '姚',
  '卢',
  '汪',
  '范',
  '石',
  '贾',
  '夏',
  '付',
  '邵',
  '孟',
  '秦',
  '薛',
  '侯',
  '邢',
  '段',
  '郝',
  '孔',
  '毛',
  '常',
  '欧阳',
  '司马',
  '诸葛',
  '上官',
];
const MALE_GIVEN = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '鹏',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '浩',
  '宇',
  '博',
  '文',
  '建',
  '华',
  '志',
  '国',
  '海',
  '峰',
  '飞',
  '波',
  '龙',
  '俊',
  '晨',
  '阳',
  '东',
  '亮',
  '凯',
  '林',
  '成',
  '振',
  '鑫',
  '帅',
  '旭',
  '庆',
];
const FEMALE_GIVEN = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '燕',
  '玲',
  '婷',
  '雪',
  '慧',
  '莉',
  '颖',
  '琳',
  '倩',
  '丹',
  '萍',
  '红',
  '梅',
  '洁',
  '琴',
  '晶',
  '月',
  '欣',
  '佳',
  '悦',
  '怡',
  '蕾',
  '璐',
  '楠',
  '瑶',
  '雯',
  '晓',
  '秀',
  '兰',
  '凤',
  '英',
  '桂',
];

export function personName(rng: Rng, male: boolean): string {
  const surname = rng.skewedInt(0, SURNAMES.length - 1, 2);
  const given = male ? MALE_GIVEN : FEMALE_GIVEN;
  const first = rng.pick(given);
  return SURNAMES[surname]! + (rng.chance(0.3) ? first : first + rng.pick(given));
}

const TRADE_CHARS = [
  '华',
  '泰',
  '鑫',
  '盛',
  '隆',
  '恒',
  '瑞',
  '信',
  '达',
  '丰',
  '源',
  '通',
  '宏',
  '远',
  '海',
  '威',
  '东',
  '方',
  '金',
  '力',
  '科',
  '创',
  '新',
  '博',
  '宇',
  '和',
  '永',
  '安',
  '康',
  '祥',
  '利',
  '福',
  '佳',
  '润',
  '德',
  '成',
  '兴',
  '昌',
  '荣',
  '蓝',
];

const INDUSTRY_WORDS: Record<Industry, readonly string[]> = {
  agriculture: ['水产养殖', '农业开发', '果蔬种植', '海洋牧场'],
  industrial: ['机械制造', '橡胶制品', '食品', '纺织服装', '电子科技', '渔具', '海洋生物', '精密机械', '汽车配件', '医疗器械'],
  construction: ['建筑工程', '建设集团', '装饰工程', '市政工程'],
  wholesale: ['商贸', '进出口', '水产品贸易', '物资'],
  retail: ['超市', '百货', '便利店', '大药房'],
  transport: ['物流', '运输', '客运'],
  warehousing: ['仓储', '冷链仓储'],
  postal: ['快递', '速递'],
  accommodation: ['酒店', '宾馆'],
  catering: ['餐饮管理', '饭店'],
  information_transmission: ['通信技术', '网络传输'],
  software_it: ['软件', '信息技术', '网络科技'],
  real_estate: ['房地产开发', '置业'],
  property_management: ['物业管理', '物业服务'],
  leasing_business: ['企业管理咨询', '广告传媒', '设备租赁'],
  other: ['文化传媒', '健康管理', '教育咨询'],
};

const GOVERNMENT_AGENCIES = [
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '自然资源局',
  '交通运输局',
  '市场监督管理局',
  '应急管理局',
  '统计局',
  '司法局',
];
const PUBLIC_INSTITUTIONS = [
  '人民医院',
  '中医院',
  '第一中学',
  '实验小学',
  '疾病预防控制中心',
  '社会保险事业中心',
  '公共就业和人才服务中心',
  '图书馆',
];
const SOCIAL_ORGANIZATIONS = ['商会', '行业协会', '物流协会', '企业家联合会'];
const SOCIAL_SERVICE_AGENCIES = ['养老服务中心', '职业培训学校', '康复中心', '幼儿园'];
const INDIVIDUAL_BUSINESSES = ['商行', '饭店', '汽车修理部', '水产经营部', '超市'];

function tradeName(rng: Rng): string {
  return rng.pick(TRADE_CHARS) + rng.pick(TRADE_CHARS);
}

export interface UnitNameInput {
  orgType: OrgType;
  industry: Industry;
  laborDispatch: boolean;
  large: boolean;
  /** e.g. 威海, 荣成, 济南 */
  place: string;
  /** e.g. 威海市环翠区, 荣成市 */
  area: string;
}

export function unitName(rng: Rng, u: UnitNameInput): string {
  const trade = tradeName(rng);
  switch (u.orgType) {
    case 'government_agency':
      return `${u.area}${rng.pick(GOVERNMENT_AGENCIES)}`;
    case 'public_institution':
      return `${u.area}${rng.pick(PUBLIC_INSTITUTIONS)}`;
    case 'social_organization':
      return `${u.area}${trade}${rng.pick(SOCIAL_ORGANIZATIONS)}`;
    case 'foundation':
      return `${u.area}${trade}慈善基金会`;
    case 'social_service_agency':
      return `${u.area}${trade}${rng.pick(SOCIAL_SERVICE_AGENCIES)}`;
    case 'law_firm':
      return `山东${trade}律师事务所`;
    case 'accounting_firm':
      return `${u.place}${trade}会计师事务所有限公司`;
    case 'individual_business':
      return `${u.place}${trade}${rng.pick(INDIVIDUAL_BUSINESSES)}`;
    case 'enterprise': {
      if (u.laborDispatch) return `${u.place}${trade}${rng.pick(['人力资源', '劳务派遣', '劳务服务'])}有限公司`;
      return `${u.place}${trade}${rng.pick(INDUSTRY_WORDS[u.industry])}${u.large ? '股份有限公司' : '有限公司'}`;
    }
  }
}
