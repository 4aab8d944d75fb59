import { adminLoader } from '../../features/admin/admin-loader';
import { getUsersQueryOptions } from '../../features/admin/api/get-users';
import { AdminPage } from '../../features/admin/components/admin-page';
import { RecoveryDrill } from '../../features/admin/components/recovery-drill';
import { queryClient } from '../../lib/query-client';

export const loader = adminLoader(() => {
  void queryClient.prefetchQuery(getUsersQueryOptions());
});

/** /admin/recovery: the "I lost my phone" drill, step by step for helpdesk staff. */
function AdminRecoveryPage() {
  return (
    <AdminPage
      title="Recovery drill: “I lost my phone”"
      intro={<p>Someone lost the device that held their passkey. Remove that passkey, give them a Temporary Access Pass, and they enrol a new one.</p>}
    >
      <RecoveryDrill />
    </AdminPage>
  );
}

export { AdminRecoveryPage as Component };
