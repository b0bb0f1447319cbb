// 账号管理 for the system administrator: the staff accounts within the administrator's region; create one (roles as
// checkboxes, a region, a strong first password); disable or enable, unlock, reset a password. The server decides
// what is allowed (incompatible roles, weak passwords, own account) and its Chinese refusal is shown as it is.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../shared/api.ts';
import { dateTime } from '../shared/format.ts';
import { REGION_KIND_LABELS, regionsWithin } from '../shared/labels.ts';
import { staffRoleLabels, staffRoles, type Staff, type StaffRole } from '../shared/session.ts';
import type { Region, StaffAccount } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

const PASSWORD_RULE = '至少10位，含大写字母、小写字母、数字、符号中的至少三类，且不含用户名';
const ROLE_OPTIONS = staffRoles.map((role) => ({ value: role, label: staffRoleLabels[role] }));

interface NewAccount {
  username: string;
  displayName: string;
  roles: StaffRole[];
  regionCode: string;
  password: string;
}

function CreateAccount({
  open,
  regions,
  onClose,
  onCreated,
}: {
  open: boolean;
  regions: Region[];
  onClose: () => void;
  onCreated: (a: StaffAccount) => void;
}) {
  const [form] = Form.useForm<NewAccount>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setRefusal(undefined);
    form.resetFields();
    onClose();
  };
  const submit = (values: NewAccount) => {
    setBusy(true);
    setRefusal(undefined);
    api<StaffAccount>('/accounts', {
      body: { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
    })
      .then(
        (account) => {
          form.resetFields();
          onCreated(account);
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open={open}
      title="新建工作人员账号"
      okText="创建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="账号未创建"
          description={refusal}
          data-testid="account-refusal"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="username"
          label="用户名"
          extra="3至32位小写字母、数字、下划线、点或连字符，以字母开头"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          extra="显示在操作记录中，如“经办员张三”"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          extra="不相容岗位不能由同一账号担任：仅复核员与财务人员可以兼任"
          rules={[{ required: true, message: '请至少选择一个角色' }]}
        >
          <Checkbox.Group options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="regionCode" label="管辖地区" rules={[{ required: true, message: '请选择管辖地区' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择地区"
            options={regions.map((r) => ({ value: r.code, label: `${r.name}（${REGION_KIND_LABELS[r.kind] ?? '地区'}）` }))}
          />
        </Form.Item>
        <Form.Item name="password" label="初始密码" extra={PASSWORD_RULE} rules={[{ required: true, message: '请输入初始密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPassword({
  account,
  onClose,
  onDone,
}: {
  account: StaffAccount | undefined;
  onClose: () => void;
  onDone: (a: StaffAccount) => void;
}) {
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const close = () => {
    setPassword('');
    setRefusal(undefined);
    onClose();
  };
  const reset = () => {
    if (!account) return;
    api<{ reset: boolean }>(`/accounts/${account.id}/password`, { body: { password } }).then(
      () => {
        onDone(account);
        close();
      },
      (e: Error) => setRefusal(e.message),
    );
  };
  return (
    <Modal
      open={Boolean(account)}
      title={account ? `重置密码：${account.displayName}` : ''}
      okText="重置"
      cancelText="取消"
      okButtonProps={{ disabled: !password }}
      onOk={reset}
      onCancel={close}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refusal} />}
      <Typography.Paragraph>重置后，该账号的全部登录立即结束，须以新密码重新登录。新密码{PASSWORD_RULE}。</Typography.Paragraph>
      <Input.Password
        placeholder="新密码"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </Modal>
  );
}

function statusTags(a: StaffAccount) {
  if (!a.disabled && !a.locked) return <Tag color="success">正常</Tag>;
  return (
    <>
      {a.disabled && <Tag color="default">已停用</Tag>}
      {a.locked && <Tag color="warning">登录受限</Tag>}
    </>
  );
}

export default function Accounts({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  const accounts = useApi(() => api<StaffAccount[]>('/accounts'), []);
  const regions = useApi(() => api<Region[]>('/regions'), []);
  const ownRegions = useMemo(() => {
    const within = new Set(regionsWithin(staff.regionCode).map((r) => r.value));
    return (regions.data ?? []).filter((r) => within.has(r.code));
  }, [regions.data, staff.regionCode]);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffAccount>();
  const [refusal, setRefusal] = useState<string>();

  const change = (account: StaffAccount, action: 'disable' | 'enable' | 'unlock', done: string) => {
    setRefusal(undefined);
    api<StaffAccount>(`/accounts/${account.id}/${action}`, { body: {} }).then(
      () => {
        message.success(`${account.displayName}：${done}`);
        accounts.reload();
      },
      (e: Error) => setRefusal(e.message),
    );
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        账号管理
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="此处管理本管辖地区内的工作人员账号。停用账号或重置密码会立即结束该账号的全部登录；连续输错密码5次后再次登录须等待（逐次延长，最长1分钟），可在此提前解除。"
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="操作未完成"
          description={refusal}
          data-testid="account-action-refusal"
          closable={{ onClose: () => setRefusal(undefined) }}
        />
      )}
      <Card
        title="工作人员账号"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        }
      >
        {accounts.error && <Alert type="error" showIcon title={accounts.error} />}
        <Table<StaffAccount>
          size="small"
          rowKey="id"
          loading={accounts.loading}
          dataSource={accounts.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '编号', dataIndex: 'id' },
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (roles: StaffRole[]) =>
                roles.map((r) => (
                  <Tag key={r} color="blue">
                    {staffRoleLabels[r]}
                  </Tag>
                )),
            },
            { title: '管辖地区', dataIndex: 'regionName' },
            { title: '状态', render: (_, a) => statusTags(a) },
            { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => dateTime(t) },
            {
              title: '操作',
              render: (_, a) => (
                <Space wrap>
                  {a.disabled ? (
                    <Button size="small" onClick={() => change(a, 'enable', '已启用')}>
                      启用
                    </Button>
                  ) : (
                    a.username !== staff.username && (
                      <Popconfirm
                        title={`停用 ${a.displayName}？`}
                        description="停用后该账号不能登录，其全部登录立即结束。"
                        okText="停用"
                        cancelText="取消"
                        onConfirm={() => change(a, 'disable', '已停用')}
                      >
                        <Button size="small" danger>
                          停用
                        </Button>
                      </Popconfirm>
                    )
                  )}
                  {a.locked && (
                    <Button size="small" onClick={() => change(a, 'unlock', '已解除登录限制')}>
                      解除登录限制
                    </Button>
                  )}
                  <Button size="small" onClick={() => setResetting(a)}>
                    重置密码
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CreateAccount
        open={creating}
        regions={ownRegions}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          message.success(`已创建账号 ${a.username}（${a.displayName}）`);
          accounts.reload();
        }}
      />
      <ResetPassword
        account={resetting}
        onClose={() => setResetting(undefined)}
        onDone={(a) => {
          message.success(`已重置 ${a.displayName} 的密码`);
          accounts.reload();
        }}
      />
    </>
  );
}
