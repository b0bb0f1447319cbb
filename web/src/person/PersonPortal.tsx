// The person portal (/person): a person signs in with their ID number and an SMS code and sees what the agency holds
// for them — the units they were insured through, their certificates, the skill-upgrade and training subsidies
// granted and their unemployment-benefit periods. Identifiers are shown masked; each viewing is audited.
import { Button, Card, Descriptions, Result, Table, Tag } from 'antd';
import { api } from '../shared/api.ts';
import { day, yuan } from '../shared/format.ts';
import { CERTIFICATE_LEVEL_LABELS, GRANT_TYPE_LABELS } from '../shared/labels.ts';
import type { PersonSession } from '../shared/session.ts';
import type { PersonRecord } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { PortalPage, SignedInBar } from '../unit/PortalSignIn.tsx';
import { SkillSubsidyCard } from './SkillSubsidyCard.tsx';
import { BenefitClaim } from './BenefitClaim.tsx';
import { PushPreferenceCard } from '../shared/PushPreferenceCard.tsx';

const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/;

/** 2019-03 → 2019年3月 */
function month(period: string): string {
  const [year, m] = period.split('-');
  return `${year}年${Number(m)}月`;
}

type Spell = PersonRecord['insuranceSpells'][number];
type Certificate = PersonRecord['certificates'][number];
type Grant = PersonRecord['subsidyGrants'][number];
type Benefit = PersonRecord['benefitPeriods'][number];

function PersonHome({ session, onSignedOut }: { session: PersonSession; onSignedOut: () => void }) {
  const record = useApi(() => api<PersonRecord>('/person/me'), []);
  const r = record.data;
  if (record.error) {
    return (
      <Result
        status="warning"
        title="无法加载您的信息"
        subTitle={record.error}
        extra={
          <Button type="primary" onClick={onSignedOut}>
            重新登录
          </Button>
        }
      />
    );
  }
  const card = { style: { marginTop: 16 }, loading: !r } as const;
  return (
    <>
      <SignedInBar who={session.name} onSignedOut={onSignedOut} />
      <Card title="个人信息" loading={!r}>
        {r && (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            data-testid="person-info"
            items={[
              { key: 'name', label: '姓名', children: r.name },
              { key: 'id', label: '公民身份号码', children: r.idNumberMasked },
              { key: 'phone', label: '登记手机号码', children: r.phoneMasked ?? '未登记' },
              { key: 'region', label: '参保地', children: r.regionName },
            ]}
          />
        )}
      </Card>
      <SkillSubsidyCard />
      <Card title="参保记录" {...card}>
        <Table<Spell>
          size="small"
          rowKey={(s) => `${s.unitName}:${s.fromPeriod}`}
          dataSource={r?.insuranceSpells ?? []}
          pagination={false}
          data-testid="person-spells"
          columns={[
            { title: '参保单位', dataIndex: 'unitName' },
            { title: '起始年月', dataIndex: 'fromPeriod', render: month },
            {
              title: '截止年月',
              dataIndex: 'toPeriod',
              render: (p: string | null) => (p ? month(p) : <Tag color="green">至今</Tag>),
            },
          ]}
        />
      </Card>
      <Card title="职业资格 / 职业技能等级证书" {...card}>
        <Table<Certificate>
          size="small"
          rowKey="number"
          dataSource={r?.certificates ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: '证书编号', dataIndex: 'number' },
            { title: '职业（工种）', dataIndex: 'occupationName', render: (name: string | null, c) => name ?? c.occupationCode },
            { title: '等级', dataIndex: 'level', render: (level: number) => CERTIFICATE_LEVEL_LABELS[level] ?? `${level}级` },
            { title: '发证日期', dataIndex: 'issueDate', render: day },
            {
              title: '核验',
              dataIndex: 'verified',
              render: (v: boolean) => (v ? <Tag color="success">已核验</Tag> : <Tag>待核验</Tag>),
            },
          ]}
        />
      </Card>
      <Card title="补贴享受记录" {...card}>
        <Table<Grant>
          size="small"
          rowKey={(g) => `${g.type}:${g.occupationCode}:${g.level}:${g.grantedOn}`}
          dataSource={r?.subsidyGrants ?? []}
          pagination={false}
          columns={[
            { title: '补贴类型', dataIndex: 'type', render: (t: string) => GRANT_TYPE_LABELS[t] ?? '其他补贴' },
            { title: '等级', dataIndex: 'level', render: (level: number) => CERTIFICATE_LEVEL_LABELS[level] ?? `${level}级` },
            { title: '发放日期', dataIndex: 'grantedOn', render: day },
            {
              title: '金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => <span className="amount">{yuan(f)}</span>,
            },
          ]}
        />
      </Card>
      <BenefitClaim />
      <Card title="失业保险金享受期" {...card}>
        <Table<Benefit>
          size="small"
          rowKey="fromDate"
          dataSource={r?.benefitPeriods ?? []}
          pagination={false}
          columns={[
            { title: '起始日期', dataIndex: 'fromDate', render: day },
            { title: '截止日期', dataIndex: 'toDate', render: day },
          ]}
        />
      </Card>
      <PushPreferenceCard path="/person/me/push-preference" who="个人" />
    </>
  );
}

export default function PersonPortal() {
  return (
    <PortalPage
      subtitle="个人服务"
      signIn={{
        kind: 'person',
        title: '个人登录',
        identifierLabel: '公民身份号码',
        identifierPlaceholder: '18 位居民身份证号码',
        pattern: ID_NUMBER,
        patternMessage: '公民身份号码应为18位，最后一位可以是数字或X',
      }}
      home={(session, onSignedOut) => <PersonHome session={session} onSignedOut={onSignedOut} />}
    />
  );
}
