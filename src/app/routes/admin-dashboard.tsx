import { adminLoader } from '../../features/admin/admin-loader';
import { AdminPage } from '../../features/admin/components/admin-page';
import { DashboardScreen } from '../../features/admin/components/dashboard-screen';

export const loader = adminLoader();

/** /admin/dashboard: the rollout at a glance (charts with their tables, CSV exports). */
function AdminDashboardPage() {
  return (
    <AdminPage title="Rollout dashboard" intro={<p>Who has a passkey, who still depends on SMS, which passkeys, and how sign-ins and the campaign are going.</p>}>
      <DashboardScreen />
    </AdminPage>
  );
}

export { AdminDashboardPage as Component };
