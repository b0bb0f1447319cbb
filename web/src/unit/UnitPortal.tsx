// The enterprise portal's front page. Units confirm through the link in their SMS; signing in with the unified social
// credit code and an SMS code arrives with the security work.
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { SignInComingSoon } from '../shared/SignInComingSoon.tsx';
import { PortalHeader } from './PortalHeader.tsx';

export default function UnitPortal() {
  return (
    <div className="portal">
      <PortalHeader subtitle="单位服务" />
      <SignInComingSoon
        title="单位登录" notice="单位登录（统一社会信用代码 + 短信验证码）即将开放。"
        explanation="符合条件的单位会收到告知短信，请点击短信中的链接核对金额并确认，无需登录。劳务派遣单位的申请也将在此办理。"
        identifierLabel="统一社会信用代码" identifierPlaceholder="18 位统一社会信用代码">
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>查看稳岗返还公示名单：<Link to="/gongshi">公示公告</Link></Typography.Paragraph>
      </SignInComingSoon>
    </div>
  );
}
