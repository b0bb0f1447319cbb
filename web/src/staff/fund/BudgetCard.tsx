// The fund's pilot budget: the sealed balance, the cap and how much of it is committed, as a gauge of the headroom
// left; finance records the sealed balance once when there is none.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Statistic, Typography } from 'antd';
import type { PilotBudget } from '../../../../src/server/schemas/fund.ts';
import { formatYuan } from '../../../../src/policy/core/money.ts';
import { api } from '../../shared/api.ts';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';
import { day, yuan, yuanToFen } from '../../shared/format.ts';

function gauge(budget: PilotBudget & { capFen: number }): ChartOption {
  const usedPercent = budget.capFen === 0 ? 100 : Math.min(100, (budget.committedFen / budget.capFen) * 100);
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        radius: '95%',
        center: ['50%', '60%'],
        startAngle: 200,
        endAngle: -20,
        progress: { show: true, width: 16 },
        axisLine: { lineStyle: { width: 16 } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { offsetCenter: [0, '30%'], fontSize: 13 },
        detail: { offsetCenter: [0, '-5%'], fontSize: 20, formatter: () => `剩余 ${formatYuan(budget.remainingFen ?? 0)} 元` },
        itemStyle: { color: usedPercent >= 90 ? '#f5222d' : usedPercent >= 70 ? '#fa8c16' : '#1677ff' },
        data: [{ value: usedPercent, name: `已用额度 ${usedPercent.toFixed(1)}%` }],
      },
    ],
  };
}

export function BudgetCard({
  budget,
  canRecord,
  regionCode,
  year,
  onChanged,
}: {
  budget: PilotBudget | undefined;
  canRecord: boolean;
  regionCode: string;
  year: number;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const option = useMemo(
    () => (budget && budget.capFen !== null ? gauge({ ...budget, capFen: budget.capFen }) : undefined),
    [budget],
  );
  const record = (v: { balanceYuan: number }) => {
    setBusy(true);
    api<PilotBudget>('/fund/pilot', { body: { regionCode, year, sealedBalanceFen: yuanToFen(v.balanceYuan) } })
      .then(
        (b) => {
          message.success(`已登记封定历史结余基金，支出额度 ${yuan(b.capFen)}`);
          setRefusal(undefined);
          onChanged();
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => setBusy(false));
  };
  if (!budget) {
    return (
      <Card title="支出额度" style={{ marginTop: 16 }}>
        <Typography.Paragraph>
          尚未登记 {year} 年度封定历史结余基金（截至 {year - 1} 年 12 月 31 日）。额度为其 15%（含），向下取整到分。
        </Typography.Paragraph>
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
        {canRecord && (
          <Form layout="inline" onFinish={record}>
            <Form.Item name="balanceYuan" label="封定历史结余基金（元）" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber min={0} precision={2} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                登记
              </Button>
            </Form.Item>
          </Form>
        )}
      </Card>
    );
  }
  return (
    <Card
      title={`支出额度 · ${budget.regionName}${budget.level === 'province' ? '（省本级，不受市级额度限制）' : ''}`}
      style={{ marginTop: 16 }}
    >
      <Row gutter={16} align="middle">
        <Col xs={24} lg={14}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Statistic title={`封定历史结余基金（${day(budget.sealedOn)}）`} value={yuan(budget.sealedBalanceFen)} />
            </Col>
            <Col span={12}>
              <Statistic
                title={budget.capRatioBp === null ? '支出额度' : `支出额度（${budget.capRatioBp / 100}%，向下取整到分）`}
                value={budget.capFen === null ? '不设额度' : yuan(budget.capFen)}
              />
            </Col>
            <Col span={12}>
              <Statistic title="已承诺（含已支出）" value={yuan(budget.committedFen)} />
            </Col>
            <Col span={12}>
              <Statistic title="已支出" value={yuan(budget.spentFen)} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} lg={10}>
          {option && <EChart option={option} height={220} testId="headroom-gauge" />}
        </Col>
      </Row>
    </Card>
  );
}
