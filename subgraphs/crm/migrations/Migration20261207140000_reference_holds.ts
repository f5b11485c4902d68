import { referenceHoldsMigration } from '@atelier/kit';

/** Who points at this subgraph's records (a work order at its customer...), kept from the holders' events. */
export class Migration20261207140000_reference_holds extends referenceHoldsMigration('crm') {
  override name = 'Migration20261207140000_reference_holds';
}
