// The browser app: the staff console at /, the enterprise portal at /unit (and the SMS link /confirm/:token), the
// person portal at /person and the public notice page at /gongshi. Each area is loaded only when it is opened.
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import './shared/global.css';

dayjs.locale('zh-cn');

const StaffConsole = lazy(() => import('./staff/StaffConsole.tsx'));
const UnitPortal = lazy(() => import('./unit/UnitPortal.tsx'));
const ConfirmPage = lazy(() => import('./unit/ConfirmPage.tsx'));
const PersonPortal = lazy(() => import('./person/PersonPortal.tsx'));
const PublicNotices = lazy(() => import('./gongshi/PublicNotices.tsx'));

function Loading() {
  return (
    <div className="page-loading">
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/unit/confirm/:token" element={<ConfirmPage />} />
              <Route path="/confirm/:token" element={<ConfirmPage />} />
              <Route path="/unit/*" element={<UnitPortal />} />
              <Route path="/person/*" element={<PersonPortal />} />
              <Route path="/gongshi/*" element={<PublicNotices />} />
              <Route path="/*" element={<StaffConsole />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
