// The staff console: sign-in, then an Ant Design Pro–style layout with a side menu; each page loads when opened.
import { lazy, Suspense, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  AuditOutlined, CloudUploadOutlined, DashboardOutlined, FileSearchOutlined, MessageOutlined, NotificationOutlined,
  ReadOutlined, ScanOutlined, UserOutlined,
} from '@ant-design/icons';
import { currentStaff, ROLE_LABELS, signOut } from '../shared/session.ts';
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

const MENU = [
  { key: '/', icon: <DashboardOutlined />, label: '工作台' },
  { key: '/screening', icon: <ScanOutlined />, label: '筛查' },
  { key: '/decisions', icon: <FileSearchOutlined />, label: '决定列表' },
  { key: '/review', icon: <AuditOutlined />, label: '复核' },
  { key: '/notices', icon: <NotificationOutlined />, label: '公示管理' },
  { key: '/sms', icon: <MessageOutlined />, label: '短信与确认' },
  { key: '/imports', icon: <CloudUploadOutlined />, label: '数据导入' },
  { key: '/parameters', icon: <ReadOutlined />, label: '参数' },
];

function selectedKey(path: string): string {
  return MENU.filter((m) => m.key !== '/' && path.startsWith(m.key)).map((m) => m.key)[0] ?? '/';
}

export default function StaffConsole() {
  const location = useLocation();
  const navigate = useNavigate();
  const [staff, setStaff] = useState(currentStaff);
  if (location.pathname === '/login') return <SignIn onSignedIn={(s) => { setStaff(s); navigate('/'); }} />;
  if (!staff) return <Navigate to="/login" replace />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={56}>
        <div style={{ color: '#fff', fontSize: 17, fontWeight: 600, padding: '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>稳岗经办系统</div>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={MENU} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', boxShadow: '0 1px 4px rgba(0,21,41,.08)' }}>
          <Typography.Text strong>失业保险援企稳岗返还 · 2024年度（鲁人社发〔2024〕8号）</Typography.Text>
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <span data-testid="current-staff">{staff.name}（{ROLE_LABELS[staff.role]}）</span>
            <Button size="small" onClick={() => { signOut(); setStaff(undefined); navigate('/login'); }}>退出</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<div className="page-loading"><Spin size="large" /></div>}>
            <Routes>
              <Route index element={<Dashboard staff={staff} />} />
              <Route path="screening" element={<Screening />} />
              <Route path="decisions" element={<Decisions />} />
              <Route path="decisions/:unitId" element={<DecisionDetail />} />
              <Route path="review" element={<Review staff={staff} />} />
              <Route path="notices" element={<Notices />} />
              <Route path="sms" element={<Sms />} />
              <Route path="imports" element={<Imports />} />
              <Route path="parameters" element={<Parameters />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
