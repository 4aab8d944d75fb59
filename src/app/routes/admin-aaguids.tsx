import { adminLoader } from '../../features/admin/admin-loader';
import { getAaguidsQueryOptions } from '../../features/admin/api/get-aaguids';
import { AaguidScreen } from '../../features/admin/components/aaguid-screen';
import { AdminPage } from '../../features/admin/components/admin-page';
import { queryClient } from '../../lib/query-client';

export const loader = adminLoader(() => {
  void queryClient.prefetchQuery(getAaguidsQueryOptions());
});

/** /admin/aaguids: every AAGUID in use, and "Prepare allow list". */
function AdminAaguidsPage() {
  return (
    <AdminPage
      title="AAGUID inventory"
      intro={
        <p>
          The authenticator models (AAGUIDs) of every passkey registered in the tenant — what <code>Get-PasskeyDeviceBoundAAGUID</code> lists — so
          that an allow list can include them before key restrictions are turned on.
        </p>
      }
    >
      <AaguidScreen />
    </AdminPage>
  );
}

export { AdminAaguidsPage as Component };
