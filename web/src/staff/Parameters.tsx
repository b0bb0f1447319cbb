// 参数: the rules in force with their legal basis and the parameter version. (The dated parameter values themselves need
// an endpoint listing them; until it exists this page shows the rules and the version.)
import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { api } from '../shared/api.ts';
import { policyVersion } from '../shared/format.ts';
import type { StatusView } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

export default function Parameters() {
  const status = useApi(() => api<StatusView>('/status'), []);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        参数
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="各参数的生效日期、取值及政策依据的逐项浏览即将提供；目前列出在用的规则及其依据。"
      />
      {status.error && <Alert type="error" showIcon title={status.error} />}
      <Card loading={status.loading}>
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="参数版本">{policyVersion(status.data?.policyVersion)}</Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={status.data?.rules ?? []}
          columns={[
            { title: '规则', dataIndex: 'title' },
            { title: '政策依据', dataIndex: 'article' },
          ]}
        />
      </Card>
    </>
  );
}
