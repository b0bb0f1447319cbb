// 接收政策推送短信: the signed-in unit or person switches the policy push SMS (精准推送) off or back on for
// themselves. Notices about their own case (告知短信, 验证码) are not affected.
import { useState } from 'react';
import { App, Card, Space, Switch, Typography } from 'antd';
import { api } from './api.ts';
import { dateTime } from './format.ts';
import type { PushPreference } from './types.ts';
import { useApi } from './use-api.ts';

export function PushPreferenceCard({
  path,
  who,
}: {
  path: '/unit/me/push-preference' | '/person/me/push-preference';
  who: '单位' | '个人';
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const preference = useApi(() => api<PushPreference>(path), [path]);
  const change = (receivesPush: boolean) => {
    setBusy(true);
    api<PushPreference>(path, { body: { receivesPush } })
      .then(
        () => {
          message.success(
            receivesPush
              ? '已恢复接收政策推送短信，今后有适用的政策将短信告知。'
              : '已退订政策推送短信，今后不再向您推送政策短信。',
          );
          preference.reload();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  const p = preference.data;
  return (
    <Card title="接收政策推送短信" style={{ marginTop: 16 }} loading={!p} data-testid="push-preference">
      <Space direction="vertical">
        <Typography.Text type="secondary">
          人社部门会向符合条件但尚未申领政策待遇的{who}发送政策推送短信，提醒及时申领。关闭后不再收到政策推送短信，
          但与已办事项有关的告知短信和验证码照常发送，可随时重新开启。
        </Typography.Text>
        <Space>
          <Switch
            checked={p?.receivesPush ?? true}
            loading={busy}
            onChange={change}
            checkedChildren="接收"
            unCheckedChildren="不接收"
            data-testid="push-preference-switch"
          />
          <span data-testid="push-preference-state">
            {p?.receivesPush ? '正在接收政策推送短信' : `已于 ${dateTime(p?.optedOutAt)} 退订政策推送短信`}
          </span>
        </Space>
      </Space>
    </Card>
  );
}
