import { adminLoader } from '../../features/admin/admin-loader';
import { getGroupsQueryOptions } from '../../features/admin/api/get-groups';
import { getUsersQueryOptions } from '../../features/admin/api/get-users';
import { AdminPage } from '../../features/admin/components/admin-page';
import { UsersAndGroups } from '../../features/admin/components/users-and-groups';
import { queryClient } from '../../lib/query-client';

export const loader = adminLoader(() => {
  void queryClient.prefetchQuery(getUsersQueryOptions());
  void queryClient.prefetchQuery(getGroupsQueryOptions());
});

/** /admin: the tenant's users and groups, and the way to every other admin screen. */
function AdminUsersPage() {
  return (
    <AdminPage title="Users and groups" intro="Everyone in this demo tenant, and the groups the passkey policy can target.">
      <UsersAndGroups />
    </AdminPage>
  );
}

export { AdminUsersPage as Component };
