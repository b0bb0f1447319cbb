// The person portal's placeholder: signing in with an ID number and an SMS code, and the person's applications and
// payments, arrive with the security work and the skill-subsidy and benefit issues.
import { SignInComingSoon } from '../shared/SignInComingSoon.tsx';
import { PortalHeader } from '../unit/PortalHeader.tsx';

export default function PersonPortal() {
  return (
    <div className="portal">
      <PortalHeader subtitle="个人服务" />
      <SignInComingSoon
        title="个人登录" notice="个人服务即将开放"
        explanation="开放后，您可以用居民身份证号码和短信验证码登录，查看技能提升补贴、失业保险金等申请进度和发放记录。"
        identifierLabel="居民身份证号码" identifierPlaceholder="18 位身份证号码" />
    </div>
  );
}
