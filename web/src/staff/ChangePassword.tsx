// 修改密码: a member of staff proves the current password and sets a new one; the server then ends the session, so the
// page says to sign in again and hands back to the console (onChanged), which shows the sign-in page.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../shared/api.ts';
import { rememberSession, type PasswordChanged } from '../shared/session.ts';

interface Values {
  current: string;
  next: string;
  repeat: string;
}

export default function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const { modal } = App.useApp();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = ({ current, next }: Values) => {
    setBusy(true);
    setRefusal(undefined);
    api<PasswordChanged>('/session/password', { body: { current, next } })
      .then(
        () => {
          rememberSession(undefined);
          modal.success({
            title: '密码已修改',
            content: '为安全起见，您的全部登录已结束，请使用新密码重新登录。',
            okText: '重新登录',
            onOk: onChanged,
          });
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        修改密码
      </Typography.Title>
      <Card style={{ maxWidth: 520 }}>
        {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refusal} data-testid="password-refusal" />}
        <Form<Values> layout="vertical" onFinish={submit}>
          <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="next"
            label="新密码"
            extra="至少10位，含大写字母、小写字母、数字、符号中的至少三类，且不含用户名"
            rules={[{ required: true, message: '请输入新密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label="再次输入新密码"
            dependencies={['next']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('next')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            修改密码
          </Button>
        </Form>
      </Card>
    </>
  );
}
