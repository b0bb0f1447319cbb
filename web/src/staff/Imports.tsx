// 数据导入: download a blank template, upload a CSV or XLSX file (all rows or none), download a rejected file's error report.
import { useState } from 'react';
import { Alert, App, Button, Card, List, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, download, upload } from '../shared/api.ts';
import { count, dateTime } from '../shared/format.ts';
import type { AcceptedImport, ImportBatch, ImportKind, ImportRejection } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

export default function Imports() {
  const { message } = App.useApp();
  const kinds = useApi(() => api<ImportKind[]>('/imports/kinds'), []);
  const batches = useApi(() => api<ImportBatch[]>('/imports?limit=100'), []);
  const [kind, setKind] = useState<string>();
  const [rejection, setRejection] = useState<ImportRejection>();
  const chosen = kinds.data?.find((k) => k.kind === kind);
  const title = (k: string) => kinds.data?.find((x) => x.kind === k)?.title ?? k;

  const save = (path: string) => download(path).catch((e: Error) => message.error(e.message));
  const errorReport = (batchId: number) => save(`/imports/${batchId}/error-report`);

  const send = async (file: File) => {
    if (!kind) return;
    setRejection(undefined);
    try {
      const result = await upload<AcceptedImport | ImportRejection>(`/imports/${kind}`, file);
      if (result.body.status === 'accepted') message.success(`导入成功：${count(result.body.rowCount)} 行`);
      else setRejection(result.body);
      batches.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        数据导入
      </Typography.Title>
      <Card title="上传文件">
        <Space wrap>
          <Select
            placeholder="选择数据类型"
            style={{ width: 240 }}
            value={kind}
            onChange={setKind}
            loading={kinds.loading}
            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.title }))}
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!kind}
            onClick={() => {
              if (kind) void save(`/imports/templates/${kind}`);
            }}
          >
            下载模板
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={!kind}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} disabled={!kind}>
              选择文件并导入
            </Button>
          </Upload>
        </Space>
        {chosen && (
          <>
            <Typography.Paragraph style={{ marginTop: 12 }}>{chosen.description}</Typography.Paragraph>
            <List
              size="small"
              bordered
              dataSource={chosen.columns}
              renderItem={(c) => (
                <List.Item>
                  <strong>{c.header}</strong>
                  {c.required ? (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      必填
                    </Tag>
                  ) : null}
                  <span style={{ marginLeft: 8, color: '#888' }}>{c.hint}</span>
                </List.Item>
              )}
            />
          </>
        )}
        {rejection && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={`文件未导入：共 ${count(rejection.errorCount)} 处错误${rejection.fileError ? `（${rejection.fileError}）` : ''}`}
            description={
              <>
                <ul style={{ paddingLeft: 20 }}>
                  {rejection.errors.slice(0, 10).map((e, i) => (
                    <li key={i}>
                      第 {e.row} 行{e.column ? `「${e.column}」` : ''}：{e.message}
                    </li>
                  ))}
                </ul>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void errorReport(rejection.batchId)}>
                  下载错误报告
                </Button>
              </>
            }
          />
        )}
      </Card>
      <Card title="导入记录" style={{ marginTop: 16 }}>
        <Table<ImportBatch>
          size="small"
          rowKey="id"
          loading={batches.loading}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '批次', dataIndex: 'id' },
            { title: '数据类型', dataIndex: 'kind', render: title },
            { title: '文件名', dataIndex: 'fileName' },
            { title: '行数', dataIndex: 'rowCount', align: 'right', render: (n: number) => count(n) },
            {
              title: '结果',
              dataIndex: 'status',
              render: (s: string) => (s === 'accepted' ? <Tag color="success">已导入</Tag> : <Tag color="error">已拒绝</Tag>),
            },
            { title: '错误数', dataIndex: 'errorCount', align: 'right' },
            { title: '导入人', dataIndex: 'actor' },
            { title: '时间', dataIndex: 'createdAt', render: (t: string) => dateTime(t) },
            {
              title: '错误报告',
              render: (_, b) =>
                b.status === 'rejected' ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void errorReport(b.id)}>
                    下载
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
