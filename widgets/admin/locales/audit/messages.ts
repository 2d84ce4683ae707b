/** An audit entry as the log's sentence needs it: what was done, to what (by name when known), and the parts of its detail a sentence tells. */
export interface AuditFact {
  action: string;
  /** The target's name ("Puistot") or, when it has none here, its id; for a statement's entries, its conversation's. */
  name: string;
  /** The entry's detail; a statement's entries add `statement`, the statement's number in its conversation. */
  detail: Record<string, unknown>;
}

/** The audit log's words: readable action groups and one sentence per entry. */
export interface AuditMessages {
  /** The filter's choices, by the action's prefix ('' is all). */
  groups: Record<'' | 'poll' | 'statement' | 'form' | 'submission' | 'decision' | 'video' | 'token' | 'site', string>;
  /** "sulki kyselyn ”Puistot”": what the official did, after their name. */
  did: (fact: AuditFact, words: { status: (status: string) => string; role: (role: string) => string; settings: (detail: Record<string, unknown>) => string }) => string;
  /** Who did it when no token did: a site created or a token issued by `npm run site:create`. */
  commandLine: string;
  /** "Maija M. sulki kyselyn ”Puistot” 4.12.2026 klo 10.02". */
  sentence: (who: string, did: string, when: string) => string;
}
