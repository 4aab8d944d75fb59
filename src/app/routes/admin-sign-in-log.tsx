import { adminLoader } from '../../features/admin/admin-loader';
import { AdminPage } from '../../features/admin/components/admin-page';
import { SignInLogScreen } from '../../features/admin/components/sign-in-log-screen';

export const loader = adminLoader();

/** /admin/sign-in-log: every registration and sign-in attempt, successful or refused. */
function AdminSignInLogPage() {
  return (
    <AdminPage title="Sign-in log" intro={<p>Every passkey registration, passkey sign-in and Temporary Access Pass attempt, newest first.</p>}>
      <SignInLogScreen />
    </AdminPage>
  );
}

export { AdminSignInLogPage as Component };
