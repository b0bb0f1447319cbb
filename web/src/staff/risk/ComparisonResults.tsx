// 比对结果 (鲁人社发〔2024〕8号 第八条：与全国社保信息比对查询系统比对): the comparison imports with their findings and
// the cases opened from them; for the selected import every person it reported (ID number masked), what it reported
// and what it triggered — the case, the hold on payments, the stopped benefit — with an .xlsx export.
import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { comparisonKindLabels, riskHitStatusLabels } from '../../../../src/domain/vocabulary/risk.ts';
import { api, download } from '../../shared/api.ts';
import type { Staff } from '../../shared/session.ts';
import type { ComparisonFinding, ComparisonImport } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

export function ComparisonResults({ staff }: { staff: Staff }) {
  const region = `region=${staff.regionCode}`;
  const imports = useApi(() => api<ComparisonImport[]>(`/risk/comparisons?${region}`), [region]);
  const [selected, setSelected] = useState<number>();
  const batchId = selected ?? imports.data?.[0]?.batchId;
  const findings = useApi(
    () =>
      batchId === undefined
        ? Promise.resolve(undefined)
        : api<ComparisonFinding[]>(`/risk/comparisons/${batchId}/findings?${region}`),
    [batchId, region],
  );
  if (imports.error) return <Alert type="error" showIcon title={imports.error} />;
  if (imports.data && !imports.data.length)
    return <Alert type="info" showIcon title="尚无比对数据导入（在“数据导入”中导入全国社保信息比对结果）" />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          data-testid="comparison-batch"
          style={{ width: 420 }}
          value={batchId}
          onChange={setSelected}
          options={(imports.data ?? []).map((b) => ({
            value: b.batchId,
            label: `#${b.batchId} ${b.fileName}：比对结果 ${b.findings} 条，疑点 ${b.cases} 个`,
          }))}
        />
        <Button
          disabled={batchId === undefined}
          onClick={() => void download(`/risk/comparisons/${batchId}/findings.xlsx?${region}`)}
        >
          导出电子表格
        </Button>
      </Space>
      {findings.error && <Alert type="error" showIcon title={findings.error} />}
      <Table<ComparisonFinding>
        data-testid="comparison-findings"
        rowKey={(f) => `${f.personKey}:${f.kind}:${f.fromDate}`}
        size="small"
        loading={findings.loading}
        dataSource={findings.data ?? []}
        columns={[
          { title: '区县', dataIndex: 'regionName', width: 100 },
          { title: '人员', render: (_, f) => `${f.personName}（${f.personKey}）` },
          { title: '比对类型', render: (_, f) => comparisonKindLabels[f.kind], width: 120 },
          { title: '开始日期', dataIndex: 'fromDate', width: 110 },
          { title: '信息来源或地点', render: (_, f) => f.place ?? '' },
          {
            title: '处理结果',
            render: (_, f) => (
              <>
                {f.hitId === null ? '未发现疑点' : `疑点 #${f.hitId}（${riskHitStatusLabels[f.hitStatus!]}）`}
                {f.held && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    暂停支付
                  </Tag>
                )}
                {f.stopped && (
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    已停发失业保险金
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
