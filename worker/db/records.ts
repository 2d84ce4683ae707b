/** Plain shapes of rows being written, shared by the query functions and the scripts' SQL. */
import type { Role } from '../schema/sites.ts';

export interface NewToken {
  id: string;
  siteId: string;
  tokenHash: string;
  role: Role;
  label: string;
  createdBy: string | null;
  createdAt: string;
}
