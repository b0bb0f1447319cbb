// The staff console: sign-in, then an Ant Design Pro–style layout with a side menu showing what the account's roles
// may use; each page loads when opened. An expired session returns to the sign-in page.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { BenefitClaims } from './benefit/BenefitClaims.tsx';
import { Avatar, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FundOutlined,
  MessageOutlined,
  NotificationOutlined,
  TrophyOutlined,
  PayCircleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScanOutlined,
  TeamOutlined,
  UserOutlined,
  ExperimentOutlined,
} from '@ant-design/icons';
import { loadSession, signOut } from '../shared/api.ts';
import { useRegions } from '../shared/regions.ts';
import { hasRole, onSessionLost, SESSION_EXPIRED, type StaffRole, type Staff } from '../shared/session.ts';
import { SignIn } from './SignIn.tsx';

const Dashboard = lazy(() => import('./Dashboard.tsx'));
const Screening = lazy(() => import('./Screening.tsx'));
const Decisions = lazy(() => import('./Decisions.tsx'));
const DecisionDetail = lazy(() => import('./DecisionDetail.tsx'));
const Review = lazy(() => import('./Review.tsx'));
const Notices = lazy(() => import('./Notices.tsx'));
const Sms = lazy(() => import('./Sms.tsx'));
const Imports = lazy(() => import('./Imports.tsx'));
const Parameters = lazy(() => import('./Parameters.tsx'));
const Dispatch = lazy(() => import('./Dispatch.tsx'));
const SkillSubsidy = lazy(() => import('./SkillSubsidy.tsx'));
const Payments = lazy(() => import('./Payments.tsx'));
const Bank = lazy(() => import('./Bank.tsx'));
const FundRegister = lazy(() => import('./FundRegister.tsx'));
const Incidents = lazy(() => import('./Incidents.tsx'));
const RiskControl = lazy(() => import('./RiskControl.tsx'));
const Simulation = lazy(() => import('./simulation/Simulation.tsx'));
const Accounts = lazy(() => import('./Accounts.tsx'));
const AuditLog = lazy(() => import('./AuditLog.tsx'));
const ChangePassword = lazy(() => import('./ChangePassword.tsx'));

const CASE_STAFF: StaffRole[] = ['case_worker', 'reviewer', 'finance', 'auditor'];

/** Menu entries with the roles that may open them (the server checks the same on every request). */
const MENU: { key: string; icon: React.ReactNode; label: string; roles: StaffRole[] }[] = [
  { key: '/', icon: <DashboardOutlined />, label: '工作台', roles: CASE_STAFF },
  { key: '/screening', icon: <ScanOutlined />, label: '筛查', roles: CASE_STAFF },
  { key: '/decisions', icon: <FileSearchOutlined />, label: '决定列表', roles: CASE_STAFF },
  { key: '/review', icon: <AuditOutlined />, label: '复核', roles: CASE_STAFF },
  { key: '/notices', icon: <NotificationOutlined />, label: '公示管理', roles: CASE_STAFF },
  { key: '/sms', icon: <MessageOutlined />, label: '短信与确认', roles: ['case_worker', 'reviewer', 'auditor'] },
  { key: '/dispatch', icon: <TeamOutlined />, label: '劳务派遣申请', roles: ['case_worker', 'reviewer', 'auditor'] },
  { key: '/skill-subsidy', icon: <TrophyOutlined />, label: '技能提升补贴', roles: CASE_STAFF },
  { key: '/benefit', icon: <TeamOutlined />, label: '失业保险金', roles: CASE_STAFF },
  { key: '/payments', icon: <PayCircleOutlined />, label: '拨付', roles: ['finance', 'auditor'] },
  { key: '/bank', icon: <BankOutlined />, label: '银行文件与对账', roles: ['finance', 'auditor'] },
  { key: '/fund', icon: <FundOutlined />, label: '试点支出额度', roles: ['finance', 'reviewer', 'auditor'] },
  { key: '/incidents', icon: <AlertOutlined />, label: '要情报告', roles: CASE_STAFF },
  { key: '/risk', icon: <SafetyCertificateOutlined />, label: '风险防控', roles: CASE_STAFF },
  { key: '/simulation', icon: <ExperimentOutlined />, label: '政策模拟', roles: CASE_STAFF },
  { key: '/imports', icon: <CloudUploadOutlined />, label: '数据导入', roles: ['case_worker'] },
  { key: '/parameters', icon: <ReadOutlined />, label: '参数', roles: [...CASE_STAFF, 'administrator'] },
  { key: '/audit', icon: <SafetyCertificateOutlined />, label: '审计日志', roles: ['auditor'] },
  { key: '/accounts', icon: <UserOutlined />, label: '账号管理', roles: ['administrator'] },
];

function menuFor(staff: Staff) {
  return MENU.filter((entry) => hasRole(staff, ...entry.roles)).map(({ roles: _roles, ...item }) => item);
}

function selectedKey(path: string): string {
  return MENU.filter((m) => m.key !== '/' && path.startsWith(m.key)).map((m) => m.key)[0] ?? '/';
}

/**
 * The session from the cookie: undefined while it loads, null when signed out; `expired` once the server refused the
 * session (the pages' requests answered 401), until someone signs in again.
 */
function useStaffSession(): { staff: Staff | null | undefined; expired: boolean; setStaff: (staff: Staff | null) => void } {
  const [staff, setStaffState] = useState<Staff | null>();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    void loadSession().then(
      (session) => setStaffState(session?.kind === 'staff' ? session : null),
      () => setStaffState(null),
    );
  }, []);
  const signedIn = Boolean(staff);
  useEffect(
    () =>
      signedIn
        ? onSessionLost(() => {
            setStaffState(null);
            setExpired(true);
          })
        : undefined,
    [signedIn],
  );
  const setStaff = useCallback((next: Staff | null) => {
    setStaffState(next);
    setExpired(false);
  }, []);
  return { staff, expired, setStaff };
}

export default function StaffConsole() {
  const location = useLocation();
  const navigate = useNavigate();
  const { staff, expired, setStaff } = useStaffSession();
  const regionsReady = useRegions(Boolean(staff));
  if (staff === undefined)
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  if (location.pathname === '/login') {
    return (
      <SignIn
        notice={expired ? SESSION_EXPIRED : undefined}
        onSignedIn={(s) => {
          setStaff(s);
          navigate('/');
        }}
      />
    );
  }
  if (!staff) return <Navigate to="/login" replace />;
  if (!regionsReady)
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={56}>
        <div
          style={{ color: '#fff', fontSize: 17, fontWeight: 600, padding: '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          稳岗经办系统
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={menuFor(staff)}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            boxShadow: '0 1px 4px rgba(0,21,41,.08)',
          }}
        >
          <Typography.Text strong>失业保险援企稳岗返还 · 2024年度（鲁人社发〔2024〕8号）</Typography.Text>
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <span data-testid="current-staff">
              {staff.displayName}（{staff.roleNames.join('、')}）
            </span>
            <Button size="small" onClick={() => navigate('/password')}>
              修改密码
            </Button>
            <Button
              size="small"
              onClick={() => {
                void signOut().finally(() => {
                  setStaff(null);
                  navigate('/login');
                });
              }}
            >
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense
            fallback={
              <div className="page-loading">
                <Spin size="large" />
              </div>
            }
          >
            <Routes>
              <Route
                index
                element={hasRole(staff, ...CASE_STAFF) ? <Dashboard staff={staff} /> : <Navigate to="/accounts" replace />}
              />
              <Route path="screening" element={<Screening staff={staff} />} />
              <Route path="decisions" element={<Decisions staff={staff} />} />
              <Route path="decisions/:unitId" element={<DecisionDetail />} />
              <Route path="review" element={<Review staff={staff} />} />
              <Route path="notices" element={<Notices />} />
              <Route path="sms" element={<Sms staff={staff} />} />
              <Route path="imports" element={<Imports />} />
              <Route path="parameters" element={<Parameters />} />
              <Route path="dispatch/*" element={<Dispatch staff={staff} />} />
              <Route path="skill-subsidy/*" element={<SkillSubsidy staff={staff} />} />
              <Route path="benefit" element={<BenefitClaims staff={staff} />} />
              <Route path="payments/*" element={<Payments staff={staff} />} />
              <Route path="bank/*" element={<Bank staff={staff} />} />
              <Route path="fund" element={<FundRegister staff={staff} />} />
              <Route path="incidents" element={<Incidents staff={staff} />} />
              <Route path="risk" element={<RiskControl staff={staff} />} />
              <Route path="simulation/*" element={<Simulation staff={staff} />} />
              <Route path="audit" element={<AuditLog />} />
              <Route path="accounts" element={<Accounts staff={staff} />} />
              <Route
                path="password"
                element={
                  <ChangePassword
                    onChanged={() => {
                      setStaff(null);
                      navigate('/login');
                    }}
                  />
                }
              />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
