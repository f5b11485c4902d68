import { type Static } from '@atelier/kit';
import { type TechnicianSnapshot } from '../contract.ts';
import { type Technician } from './technician.entity.ts';

/** The one mapping from workshop's storage to its contract. */
export const technicianSnapshot = (technician: Technician): Static<typeof TechnicianSnapshot> => ({
  id: technician.id,
  name: technician.name,
  userId: technician.userId ?? null,
  skills: [...technician.skills],
  active: technician.active,
  createdAt: technician.createdAt.toISOString(),
  updatedAt: technician.updatedAt.toISOString(),
  archivedAt: technician.archivedAt?.toISOString() ?? null,
});
