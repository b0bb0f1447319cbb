// Sign-in for the enterprise and person portals: the unified social credit code or ID number, a six-digit code texted
// to the mobile number the agency holds (POST /session/{unit|person}/code), then the code opens a session. Also the
// portal's session: resumed from the cookie on load, dropped when the server refuses it, and signed out.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { LogoutOutlined, MobileOutlined } from '@ant-design/icons';
import { api, loadSession, signIn, signOut } from '../shared/api.ts';
import { onSessionLost, SESSION_EXPIRED, type CodeRequested, type PersonSession, type UnitSession } from '../shared/session.ts';
import { PortalHeader } from './PortalHeader.tsx';

type PortalKind = 'unit' | 'person';
type SessionOf<K extends PortalKind> = K extends 'unit' ? UnitSession : PersonSession;

/**
 * The portal's session from the cookie: undefined while it loads, null when signed out (or signed in as another kind);
 * `expired` once the server refused the session (a request answered 401), until the portal signs in again.
 */
export function usePortalSession<K extends PortalKind>(
  kind: K,
): [SessionOf<K> | null | undefined, (session: SessionOf<K> | null) => void, boolean] {
  const [session, setSessionState] = useState<SessionOf<K> | null>();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    void loadSession().then(
      (s) => setSessionState(s?.kind === kind ? (s as SessionOf<K>) : null),
      () => setSessionState(null),
    );
  }, [kind]);
  const signedIn = Boolean(session);
  useEffect(
    () =>
      signedIn
        ? onSessionLost(() => {
            setSessionState(null);
            setExpired(true);
          })
        : undefined,
    [signedIn],
  );
  const setSession = useCallback((next: SessionOf<K> | null) => {
    setSessionState(next);
    setExpired(false);
  }, []);
  return [session, setSession, expired];
}

const RESEND_SECONDS = 60;

export interface PortalSignInProps<K extends PortalKind> {
  kind: K;
  title: string;
  identifierLabel: string;
  identifierPlaceholder: string;
  /** What the identifier must look like, and what to say when it does not. */
  pattern: RegExp;
  patternMessage: string;
  onSignedIn: (session: SessionOf<K>) => void;
  /** Said above the form, e.g. that the session expired. */
  notice?: string;
  children?: ReactNode;
}

export function PortalSignIn<K extends PortalKind>(props: PortalSignInProps<K>) {
  const { kind } = props;
  const field = kind === 'unit' ? 'creditCode' : 'idNumber';
  const [form] = Form.useForm<{ identifier: string; code: string }>();
  const [sent, setSent] = useState<string>();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const identifier = () =>
    String(form.getFieldValue('identifier') ?? '')
      .trim()
      .toUpperCase();

  async function requestCode() {
    setError(undefined);
    try {
      await form.validateFields(['identifier']);
    } catch {
      return;
    }
    setBusy(true);
    try {
      const answer = await api<CodeRequested>(`/session/${kind}/code`, { body: { [field]: identifier() } });
      setSent(answer.message);
      setWait(RESEND_SECONDS);
    } catch (e) {
      setError(e instanceof Error ? e.message : '验证码发送失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  async function submit(values: { code: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn(`/session/${kind}`, { [field]: identifier(), code: values.code });
      if (session.kind === kind) props.onSignedIn(session as SessionOf<K>);
      else setError('登录身份不符，请重试');
    } catch (e) {
      setError(e instanceof Error ? e.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="sign-in-error" />}
      {sent && !error && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={sent} />}
      {props.notice && !error && !sent && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={props.notice} data-testid="sign-in-notice" />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="identifier"
          label={props.identifierLabel}
          rules={[
            { required: true, whitespace: true, message: `请输入${props.identifierLabel}` },
            {
              validator: async (_rule, value?: string) => {
                if (value && !props.pattern.test(value.trim())) throw new Error(props.patternMessage);
              },
            },
          ]}
        >
          <Input placeholder={props.identifierPlaceholder} maxLength={18} size="large" autoComplete="username" />
        </Form.Item>
        <Form.Item label="短信验证码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[{ required: true, pattern: /^[0-9]{6}$/, message: '请输入短信中的6位数字验证码' }]}
            >
              <Input
                aria-label="短信验证码"
                placeholder="6 位数字"
                maxLength={6}
                size="large"
                inputMode="numeric"
                autoComplete="one-time-code"
                prefix={<MobileOutlined />}
              />
            </Form.Item>
            <Button size="large" onClick={() => void requestCode()} disabled={busy || wait > 0}>
              {wait > 0 ? `重新获取（${wait}秒）` : sent ? '重新获取验证码' : '获取短信验证码'}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        验证码发送到经办机构登记的手机号码，5分钟内有效；手机号码变更请携带有效证件到所在地社会保险经办机构办理，或致电12333咨询。
      </Typography.Paragraph>
      {props.children}
    </Card>
  );
}

/** Who is signed in, with the sign-out button. */
export function SignedInBar({ who, onSignedOut }: { who: string; onSignedOut: () => void }) {
  const [busy, setBusy] = useState(false);
  const leave = () => {
    setBusy(true);
    void signOut().finally(() => {
      setBusy(false);
      onSignedOut();
    });
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
      <Typography.Text data-testid="portal-signed-in">
        当前登录：<strong>{who}</strong>
      </Typography.Text>
      <Button icon={<LogoutOutlined />} onClick={leave} loading={busy}>
        退出登录
      </Button>
    </div>
  );
}

export interface PortalPageProps<K extends PortalKind> {
  subtitle: string;
  signIn: Omit<PortalSignInProps<K>, 'onSignedIn' | 'notice'>;
  /** The signed-in page; `onSignedOut` returns to the sign-in card. */
  home: (session: SessionOf<K>, onSignedOut: () => void) => ReactNode;
}

/** A portal: a spinner while the session loads, the sign-in card when signed out (or expired), else the home page. */
export function PortalPage<K extends PortalKind>({ subtitle, signIn: signInProps, home }: PortalPageProps<K>) {
  const [session, setSession, expired] = usePortalSession(signInProps.kind);
  return (
    <div className="portal">
      <PortalHeader subtitle={subtitle} />
      {session === undefined && <Spin size="large" style={{ display: 'block', margin: '64px auto' }} />}
      {session === null && (
        <PortalSignIn {...signInProps} onSignedIn={setSession} notice={expired ? SESSION_EXPIRED : undefined} />
      )}
      {session && home(session, () => setSession(null))}
    </div>
  );
}
