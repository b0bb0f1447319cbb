// Staff sign-in: username and password (five wrong passwords lock the account for 15 minutes), with the console's
// notice when it was sent here because the session expired.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { signIn } from '../shared/api.ts';
import type { Staff } from '../shared/session.ts';

export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (staff: Staff) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn('/session/staff', { username: values.username.trim(), password: values.password });
      if (session.kind === 'staff') onSignedIn(session);
      else setError('请使用工作人员账号登录');
    } catch (e) {
      setError(e instanceof Error ? e.message : '登录失败');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg,#e6f4ff,#f5f5f5)',
      }}
    >
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          稳岗经办系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          失业保险援企稳岗返还经办（鲁人社发〔2024〕8号）
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
        {notice && !error && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={notice} data-testid="sign-in-notice" />
        )}
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          连续输错密码5次后，每次再登录须等待的时间逐次延长；忘记密码请联系系统管理员重置。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
