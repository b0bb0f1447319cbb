// Sign-in until real sign-in arrives with the security issue: the member of staff names themself and their role.
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { ROLE_LABELS, signIn, type Staff, type StaffRole } from '../shared/session.ts';

export function SignIn({ onSignedIn }: { onSignedIn: (staff: Staff) => void }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg,#e6f4ff,#f5f5f5)' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>稳岗经办系统</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>失业保险援企稳岗返还经办（鲁人社发〔2024〕8号）</Typography.Paragraph>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="统一身份认证上线前，请填写姓名并选择角色；所有操作以此姓名记录。" />
        <Form<Staff> layout="vertical" onFinish={(values) => { const staff = { name: values.name.trim(), role: values.role }; signIn(staff); onSignedIn(staff); }}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input placeholder="例如：张经办" autoComplete="name" />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select<StaffRole> placeholder="请选择角色" options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value: value as StaffRole, label }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>登录</Button>
        </Form>
      </Card>
    </div>
  );
}
