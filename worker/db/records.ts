/** Plain shapes of rows being written, shared by the query functions and the scripts' SQL. */
import type { Lang } from '../schema/common.ts';
import type { Role } from '../schema/sites.ts';

export interface NewToken {
  id: string;
  siteId: string;
  tokenHash: string;
  role: Role;
  label: string;
  /** The language the label is written in. */
  labelLang: Lang;
  createdBy: string | null;
  createdAt: string;
}
