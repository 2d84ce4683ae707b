/**
 * The reads behind Open311: submissions as their public state only.
 * Nothing here selects answers or contact details, so nothing can leak them.
 */
export interface PublicRequestState {
  ref: string;
  form: string;
  status: 'received' | 'in_progress' | 'answered' | 'closed';
  createdAt: string;
  updatedAt: string;
  /** The newest public reply, if any. */
  latestPublicReply: string | null;
}

interface StateRow {
  ref: string;
  form_id: string;
  status: PublicRequestState['status'];
  created_at: string;
  updated_at: string;
  latest_public_reply: string | null;
}

const STATE_COLUMNS = `s.ref, s.form_id, s.status, s.created_at, s.updated_at,
  (SELECT r.body FROM submission_replies r WHERE r.site_id = s.site_id AND r.ref = s.ref AND r.public = 1 ORDER BY r.id DESC LIMIT 1) AS latest_public_reply`;

const toState = (row: StateRow): PublicRequestState => ({
  ref: row.ref,
  form: row.form_id,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  latestPublicReply: row.latest_public_reply,
});

/** The submissions with these reference codes, newest first; spam is never returned. */
export async function findRequestStates(db: D1Database, siteId: string, refs: string[]): Promise<PublicRequestState[]> {
  const { results } = await db
    .prepare(
      `SELECT ${STATE_COLUMNS} FROM submissions s
        WHERE s.site_id = ?1 AND s.ref IN (SELECT value FROM json_each(?2)) AND s.status != 'spam'
        ORDER BY s.created_at DESC, s.ref DESC`,
    )
    .bind(siteId, JSON.stringify(refs))
    .all<StateRow>();
  return results.map(toState);
}

/**
 * Submissions received in [`from`, `to`], newest first, at most `limit`; optionally only of
 * some forms and some statuses. Spam is never returned.
 */
export async function listRequestStates(
  db: D1Database,
  siteId: string,
  filter: { forms?: string[]; statuses?: string[]; from: string; to: string; limit: number },
): Promise<PublicRequestState[]> {
  const { results } = await db
    .prepare(
      `SELECT ${STATE_COLUMNS} FROM submissions s
        WHERE s.site_id = ?1 AND s.status != 'spam' AND s.created_at >= ?2 AND s.created_at <= ?3
          AND (?4 IS NULL OR s.form_id IN (SELECT value FROM json_each(?4)))
          AND (?5 IS NULL OR s.status IN (SELECT value FROM json_each(?5)))
        ORDER BY s.created_at DESC, s.ref DESC LIMIT ?6`,
    )
    .bind(siteId, filter.from, filter.to, filter.forms ? JSON.stringify(filter.forms) : null, filter.statuses ? JSON.stringify(filter.statuses) : null, filter.limit)
    .all<StateRow>();
  return results.map(toState);
}
