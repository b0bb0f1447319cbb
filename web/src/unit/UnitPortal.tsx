// The enterprise portal's front page. Units confirm through the link in their SMS; signing in with the unified social
// credit code and an SMS code arrives with the security work.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PortalHeader } from './PortalHeader.tsx';

export default function UnitPortal() {
  return (
    <div className="portal">
      <PortalHeader subtitle="单位服务" />
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>单位登录</Typography.Title>
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title="单位登录（统一社会信用代码 + 短信验证码）即将开放。"
          description="符合条件的单位会收到告知短信，请点击短信中的链接核对金额并确认，无需登录。劳务派遣单位的申请也将在此办理。" />
        <Form layout="vertical" disabled>
          <Form.Item label="统一社会信用代码"><Input placeholder="18 位统一社会信用代码" /></Form.Item>
          <Form.Item label="短信验证码"><Input placeholder="6 位数字" /></Form.Item>
          <Button type="primary" block>登录（即将开放）</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>查看稳岗返还公示名单：<Link to="/gongshi">公示公告</Link></Typography.Paragraph>
      </Card>
    </div>
  );
}
