import { adminLoader } from '../../features/admin/admin-loader';
import { getConditionalAccessQueryOptions } from '../../features/admin/api/get-conditional-access';
import { AdminPage } from '../../features/admin/components/admin-page';
import { ConditionalAccessScreen } from '../../features/admin/components/conditional-access-screen';
import { queryClient } from '../../lib/query-client';

export const loader = adminLoader(() => {
  void queryClient.prefetchQuery(getConditionalAccessQueryOptions());
});

/** /admin/conditional-access: the sensitive app's rule (authentication strength). */
function AdminConditionalAccessPage() {
  return (
    <AdminPage
      title="Conditional access"
      intro={
        <p>
          A conditional access policy asks for a given authentication strength before an app opens. The lab has one app and one rule, like a
          policy that requires phishing-resistant MFA before the Azure portal opens.
        </p>
      }
    >
      <ConditionalAccessScreen />
    </AdminPage>
  );
}

export { AdminConditionalAccessPage as Component };
