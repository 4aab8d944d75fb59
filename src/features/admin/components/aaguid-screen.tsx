import { useAaguids } from '../api/get-aaguids';
import { AaguidInventory } from './aaguid-inventory';
import { AdminQuery } from './admin-page';
import { PrepareAllowList } from './prepare-allow-list';

/** /admin/aaguids: the inventory table, then "Prepare allow list". */
export function AaguidScreen() {
  const aaguids = useAaguids();
  const providerNames = Object.fromEntries((aaguids.data?.aaguids ?? []).map((usage) => [usage.aaguid, usage.providerName]));
  return (
    <>
      <section className="stack-sm" aria-labelledby="inventory-heading">
        <h2 id="inventory-heading">AAGUIDs in use</h2>
        <AdminQuery query={aaguids} what="the inventory">
          {(data) => <AaguidInventory aaguids={data.aaguids} />}
        </AdminQuery>
      </section>
      <PrepareAllowList providerNames={providerNames} />
    </>
  );
}
