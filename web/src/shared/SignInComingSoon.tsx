// A portal's sign-in card while sign-in is still being built: what it will ask for, disabled, and what to do meanwhile.
import type { ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';

export interface SignInComingSoonProps {
  title: string;
  notice: string;
  explanation: string;
  identifierLabel: string;
  identifierPlaceholder: string;
  children?: ReactNode;
}

export function SignInComingSoon(props: SignInComingSoonProps) {
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{props.title}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={props.notice} description={props.explanation} />
      <Form layout="vertical" disabled>
        <Form.Item label={props.identifierLabel}><Input placeholder={props.identifierPlaceholder} /></Form.Item>
        <Form.Item label="短信验证码"><Input placeholder="6 位数字" /></Form.Item>
        <Button type="primary" block>登录（即将开放）</Button>
      </Form>
      {props.children}
    </Card>
  );
}
