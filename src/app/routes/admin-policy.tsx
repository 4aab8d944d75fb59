import { adminLoader } from '../../features/admin/admin-loader';
import { getGroupsQueryOptions } from '../../features/admin/api/get-groups';
import { getPolicyQueryOptions } from '../../features/admin/api/get-policy';
import { AdminPage } from '../../features/admin/components/admin-page';
import { PolicyScreen } from '../../features/admin/components/policy-screen';
import { queryClient } from '../../lib/query-client';

export const loader = adminLoader(() => {
  void queryClient.prefetchQuery(getPolicyQueryOptions());
  void queryClient.prefetchQuery(getGroupsQueryOptions());
});

/** /admin/policy: Authentication methods > Passkey (FIDO2), as in the Entra admin centre. */
function AdminPolicyPage() {
  return (
    <AdminPage
      title="Passkey policy"
      intro={
        <p>
          Who may use passkeys and which ones — the Entra admin centre’s Authentication methods › Passkey (FIDO2). Changes are reviewed before they are
          saved: you see whose passkeys would stop working.
        </p>
      }
    >
      <PolicyScreen />
    </AdminPage>
  );
}

export { AdminPolicyPage as Component };
