// 政策模拟: define a reform (dated parameter values, never the parameters in force), run it against the stored
// population, compare versions, and see the parameter files a reviewed change would commit. Results: RunResult.tsx.
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { SIMULATION_RUN_STATUS_LABELS } from '../../../../src/domain/vocabulary/simulation.ts';
import { api } from '../../shared/api.ts';
import { dateTime, yuan } from '../../shared/format.ts';
import { regionLabel } from '../../shared/labels.ts';
import { hasRole, type Staff } from '../../shared/session.ts';
import { useApi } from '../../shared/use-api.ts';
import { valueText } from './parameter-value.ts';
import { ReformEditor } from './ReformEditor.tsx';
import RunResult from './RunResult.tsx';
import type { ParameterEntry, ParameterFile, ReformDifference, RunListItem, SavedReform, StartedRun } from './types.ts';

function changesText(saved: SavedReform, parameters: ParameterEntry[]): string {
  return saved.reform.changes
    .map((c) => {
      const entry = parameters.find((p) => p.rule === c.rule && p.key === c.key);
      return `${entry?.label ?? `${c.rule}.${c.key}`} → ${valueText(entry?.unit ?? '', c.value)}（${c.from}～${c.to ?? '长期'}）`;
    })
    .join('；');
}

function Compare({ reforms, parameters }: { reforms: SavedReform[]; parameters: ParameterEntry[] }) {
  const [pair, setPair] = useState<[number?, number?]>([]);
  const [result, setResult] = useState<ReformDifference[] | string>();
  const options = reforms.map((r) => ({ value: r.id, label: `${r.name}（第 ${r.version} 版）` }));
  const compare = () =>
    api<ReformDifference[]>(`/simulation/reforms/${pair[0]}/compare/${pair[1]}`).then(setResult, (e: Error) =>
      setResult(e.message),
    );
  const labelOf = (d: ReformDifference) => parameters.find((p) => p.rule === d.rule && p.key === d.key);
  const side = (d: ReformDifference, changes: ReformDifference['before']) =>
    changes
      ? changes.map((c) => `${valueText(labelOf(d)?.unit ?? '', c.value)}（${c.from}～${c.to ?? '长期'}）`).join('、')
      : '不调整';
  return (
    <Card title="比较两个方案" style={{ marginTop: 16 }}>
      <Space wrap>
        <Select style={{ width: 280 }} options={options} placeholder="方案甲" onChange={(v: number) => setPair([v, pair[1]])} />
        <Select style={{ width: 280 }} options={options} placeholder="方案乙" onChange={(v: number) => setPair([pair[0], v])} />
        <Button
          disabled={!pair[0] || !pair[1]}
          onClick={() => {
            void compare();
          }}
        >
          比较
        </Button>
      </Space>
      {typeof result === 'string' && <Alert type="error" title={result} style={{ marginTop: 12 }} />}
      {Array.isArray(result) &&
        (result.length === 0 ? (
          <Alert type="info" title="两个方案调整的参数相同" style={{ marginTop: 12 }} />
        ) : (
          <Table
            size="small"
            style={{ marginTop: 12 }}
            pagination={false}
            rowKey={(d) => `${d.rule}.${d.key}`}
            dataSource={result}
            columns={[
              { title: '参数', render: (_, d) => labelOf(d)?.label ?? `${d.rule}.${d.key}` },
              { title: '方案甲', render: (_, d) => side(d, d.before) },
              { title: '方案乙', render: (_, d) => side(d, d.after) },
            ]}
          />
        ))}
    </Card>
  );
}

function SimulationHome({ staff }: { staff: Staff }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const parameters = useApi(() => api<ParameterEntry[]>('/simulation/parameters'), []);
  const reforms = useApi(() => api<SavedReform[]>('/simulation/reforms'), []);
  const runs = useApi(() => api<RunListItem[]>('/simulation/runs'), []);
  const mayEdit = hasRole(staff, 'case_worker', 'reviewer', 'finance');
  const [editing, setEditing] = useState<SavedReform>();
  const params = parameters.data ?? [];
  const run = (reform: SavedReform) =>
    api<StartedRun>('/simulation/runs', { body: { reformId: reform.id } }).then(
      ({ id }) => navigate(`/simulation/runs/${id}`),
      (e: Error) => message.error(e.message),
    );
  const showChange = (reform: SavedReform) =>
    api<ParameterFile[]>(`/simulation/reforms/${reform.id}/parameter-change`).then(
      (files) => {
        modal.info({
          width: 900,
          title: '转为参数文件变更（复核后提交到 policy/parameters，运行中的系统参数不变）',
          content: files.map((f) => (
            <div key={f.name}>
              <Typography.Text strong>{f.name}</Typography.Text>
              <pre style={{ maxHeight: 360, overflow: 'auto' }}>{f.text}</pre>
            </div>
          )),
        });
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        政策模拟
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        模拟方案只用于测算，不改变现行参数；方案确定后须按参数文件变更流程复核、提交后才生效。
      </Typography.Paragraph>
      {mayEdit && parameters.data && <ReformEditor parameters={params} loaded={editing} onSaved={() => reforms.reload()} />}
      <Card title="模拟方案" style={{ marginTop: 16 }}>
        <Table<SavedReform>
          size="small"
          rowKey="id"
          loading={reforms.loading}
          dataSource={reforms.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: '方案',
              render: (_, r) => (
                <>
                  {r.name} <Tag>第 {r.version} 版</Tag>
                </>
              ),
            },
            { title: '调整', render: (_, r) => changesText(r, params) },
            { title: '保存', render: (_, r) => `${r.createdBy}，${dateTime(r.createdAt)}` },
            {
              title: '',
              render: (_, r) => (
                <Space>
                  {mayEdit && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => {
                        void run(r);
                      }}
                      data-testid={`run-reform-${r.id}`}
                    >
                      测算
                    </Button>
                  )}
                  {mayEdit && (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(r);
                        window.scrollTo({ top: 0 });
                      }}
                      data-testid={`load-reform-${r.id}`}
                    >
                      载入编辑
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() => {
                      void showChange(r);
                    }}
                  >
                    参数文件
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {reforms.data && reforms.data.length > 1 && <Compare reforms={reforms.data} parameters={params} />}
      <Card title="测算记录" style={{ marginTop: 16 }}>
        <Table<RunListItem>
          size="small"
          rowKey="id"
          loading={runs.loading}
          dataSource={runs.data ?? []}
          pagination={{ pageSize: 10 }}
          onRow={(r) => ({ onClick: () => navigate(`/simulation/runs/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '编号', dataIndex: 'id' },
            { title: '方案', render: (_, r) => `${r.reformName}（第 ${r.reformVersion} 版）` },
            { title: '范围', dataIndex: 'regionCode', render: (c: string | null) => (c ? regionLabel(c) : '全部') },
            { title: '状态', dataIndex: 'status', render: (s: RunListItem['status']) => SIMULATION_RUN_STATUS_LABELS[s] },
            { title: '现行总额', dataIndex: 'baselineFen', align: 'right', render: yuan },
            { title: '方案总额', dataIndex: 'reformFen', align: 'right', render: yuan },
            { title: '发起时间', dataIndex: 'startedAt', render: dateTime },
          ]}
        />
      </Card>
    </>
  );
}

export default function Simulation({ staff }: { staff: Staff }) {
  return (
    <Routes>
      <Route index element={<SimulationHome staff={staff} />} />
      <Route path="runs/:runId" element={<RunResult />} />
    </Routes>
  );
}
