import { adminLoader } from '../../features/admin/admin-loader';
import { getTapsQueryOptions } from '../../features/admin/api/get-taps';
import { AdminPage } from '../../features/admin/components/admin-page';
import { TapScreen } from '../../features/admin/components/tap-screen';
import { queryClient } from '../../lib/query-client';

export const loader = adminLoader(() => {
  void queryClient.prefetchQuery(getTapsQueryOptions());
});

/** /admin/temporary-access-pass: issue a pass so someone can sign in and register a first passkey. */
function AdminTapPage() {
  return (
    <AdminPage
      title="Temporary Access Pass"
      intro={
        <p>
          A time-limited code that lets someone sign in without a passkey — to register their first one, or a new one after losing their phone. It is
          not phishing-resistant: apps that require phishing-resistant MFA still ask for a passkey.
        </p>
      }
    >
      <TapScreen />
    </AdminPage>
  );
}

export { AdminTapPage as Component };
