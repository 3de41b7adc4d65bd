import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/auth-context';
import { OidcCallbackPage } from './auth/oidc-callback-page';
import { isAuditor } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { CALLBACK_PATH } from './auth/oidc';
import { Shell } from './components/shell';
import { EmployersPage } from './pages/employers-page';
import { FollowUpPage } from './pages/follow-up-page';
import { HistoryPage } from './pages/history-page';
import { OfficeOverviewPage } from './pages/office-overview-page';
import { OfficesPage } from './pages/offices-page';
import { OutcomesPage } from './pages/outcomes-page';
import { ProvidersPage } from './pages/providers-page';

/** Sign-in first; then the pages, each at an address of its own (served by the app's SPA fallback). */
export function App() {
  const { session } = useAuth();
  const { pathname } = useLocation();
  if (pathname === CALLBACK_PATH) return <OidcCallbackPage />;
  if (!session) return <SignInPage />;
  const home = session.offices[0] ? `/kontor/${session.offices[0]}/oversikt` : isAuditor(session) ? '/kontorer' : null;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={home ? <Navigate to={home} replace /> : <p>Brukeren har ingen kontorer.</p>} />
        <Route path="/kontor/:office/oversikt" element={<OfficeOverviewPage />} />
        <Route path="/kontor/:office/resultater" element={<OutcomesPage />} />
        <Route path="/kontor/:office/oppfolging" element={<FollowUpPage />} />
        <Route path="/kontor/:office/arbeidsgivere" element={<EmployersPage />} />
        <Route path="/kontor/:office/historikk" element={<HistoryPage />} />
        <Route path="/kontorer" element={<OfficesPage />} />
        <Route path="/leverandorer" element={<ProvidersPage />} />
        <Route path="*" element={<p>Fant ikke siden.</p>} />
      </Routes>
    </Shell>
  );
}
