import { adminLoader } from '../../features/admin/admin-loader';
import { AdminPage } from '../../features/admin/components/admin-page';
import { RolloutScreen } from '../../features/admin/components/rollout-screen';

export const loader = adminLoader();

/** /admin/rollout: passkeys by default and the SMS/voice retirement against the tenant date. */
function AdminRolloutPage() {
  return (
    <AdminPage
      title="Rollout timeline"
      intro={<p>Microsoft’s dates for passkeys by default and the retirement of SMS and voice, against a tenant date you can move for a demo.</p>}
    >
      <RolloutScreen />
    </AdminPage>
  );
}

export { AdminRolloutPage as Component };
