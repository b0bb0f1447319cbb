// The person portal's placeholder: signing in with an ID number and an SMS code, and the person's applications and
// payments, arrive with the security work and the skill-subsidy and benefit issues.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { PortalHeader } from '../unit/PortalHeader.tsx';

export default function PersonPortal() {
  return (
    <div className="portal">
      <PortalHeader subtitle="个人服务" />
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>个人登录</Typography.Title>
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title="个人服务即将开放"
          description="开放后，您可以用居民身份证号码和短信验证码登录，查看技能提升补贴、失业保险金等申请进度和发放记录。" />
        <Form layout="vertical" disabled>
          <Form.Item label="居民身份证号码"><Input placeholder="18 位身份证号码" /></Form.Item>
          <Form.Item label="短信验证码"><Input placeholder="6 位数字" /></Form.Item>
          <Button type="primary" block>登录（即将开放）</Button>
        </Form>
      </Card>
    </div>
  );
}
