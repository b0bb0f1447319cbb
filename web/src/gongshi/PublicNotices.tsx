// 公示公告: the public list of refund notices, current and past, searchable by unit name and printable.
import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Segmented, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api, query } from '../shared/api.ts';
import { count, day, yuan } from '../shared/format.ts';
import type { PublicNotice, PublicNoticeItem } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { PortalHeader } from '../unit/PortalHeader.tsx';
import './print.css';

function NoticeList({ notice }: { notice: PublicNotice }) {
  const [q, setQ] = useState('');
  const items = useApi(
    () => api<PublicNoticeItem[]>(`/public/notices/${notice.id}/items${query({ q, limit: 1000 })}`),
    [notice.id, q],
  );
  return (
    <Card className="notice-card" style={{ marginTop: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
        {notice.title}
      </Typography.Title>
      <Typography.Paragraph>
        根据《山东省人力资源和社会保障厅等4部门关于做好失业保险援企稳岗政策落实工作的通知》（鲁人社发〔2024〕8号）规定，经审核，以下{' '}
        {count(notice.unitCount)} 家单位拟享受失业保险稳岗返还， 拟返还资金合计{' '}
        <strong className="amount">{yuan(notice.totalFen)}</strong>。公示期为 {day(notice.openedOn)} 至 {day(notice.lastDay)}。
        公示期内如有异议，请向当地社会保险经办机构反映，咨询电话 12333。
      </Typography.Paragraph>
      <div className="no-print" style={{ marginBottom: 12 }}>
        <Input.Search placeholder="按单位名称查询" allowClear onSearch={setQ} style={{ width: 280 }} />
      </div>
      {items.error && <Alert type="error" showIcon title={items.error} />}
      <Table<PublicNoticeItem & { n: number }>
        size="small"
        rowKey="n"
        loading={items.loading}
        pagination={false}
        bordered
        dataSource={(items.data ?? []).map((item, n) => ({ ...item, n: n + 1 }))}
        locale={{ emptyText: <Empty description={q ? '没有名称相符的单位' : '暂无数据'} /> }}
        columns={[
          { title: '序号', dataIndex: 'n', width: 64 },
          { title: '单位名称', dataIndex: 'unitName' },
          { title: '统一社会信用代码', dataIndex: 'creditCode' },
          { title: '裁员率', dataIndex: 'layoffRate', align: 'right' },
          {
            title: '拟返还金额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
        ]}
      />
    </Card>
  );
}

export default function PublicNotices() {
  const notices = useApi(() => api<PublicNotice[]>('/public/notices'), []);
  const [which, setWhich] = useState<'open' | 'closed'>('open');
  const [selected, setSelected] = useState<number>();
  const shown = (notices.data ?? []).filter((n) => n.status === which);
  const current = shown.find((n) => n.id === selected) ?? shown[0];
  return (
    <div className="portal" style={{ maxWidth: 1000 }}>
      <PortalHeader subtitle="稳岗返还公示公告" />
      <div className="no-print" style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <Segmented
          value={which}
          onChange={(v) => {
            setWhich(v as 'open' | 'closed');
            setSelected(undefined);
          }}
          options={[
            { value: 'open', label: '正在公示' },
            { value: 'closed', label: '往期公示' },
          ]}
        />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      {notices.error && <Alert type="error" showIcon title={notices.error} />}
      {notices.data && shown.length === 0 && (
        <Card>
          <Empty description={which === 'open' ? '目前没有正在公示的名单' : '暂无往期公示'} />
        </Card>
      )}
      {shown.length > 1 && (
        <Card size="small" className="no-print">
          {shown.map((n) => (
            <Tag.CheckableTag key={n.id} checked={n.id === current?.id} onChange={() => setSelected(n.id)}>
              {n.title}（{day(n.openedOn)}）
            </Tag.CheckableTag>
          ))}
        </Card>
      )}
      {current && <NoticeList key={current.id} notice={current} />}
    </div>
  );
}
