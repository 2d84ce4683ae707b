import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One validation problem, as zod reports it, reduced to what a client can act on. */
export interface ErrorIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/**
 * The one error every handler and middleware throws. `onError` in `worker/index.ts` turns it
 * into `{"error": {"code", "message", "issues"?}}` with its status; nothing else writes errors.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export class ValidationError extends ApiError {
  constructor(issues: ErrorIssue[], message = 'The request is not valid: see "issues" for each field.') {
    super(400, 'validation_failed', message, issues);
    this.name = 'ValidationError';
  }

  /**
   * From zod's issues, keeping array indexes as numbers in each path. An object's unknown keys
   * (zod's one `unrecognized_keys` issue at the object) become one issue each, at the key's own
   * path, so every issue names the field it is about.
   */
  static fromZod(issues: readonly { path: readonly PropertyKey[]; code: string; message: string; keys?: readonly string[] }[]): ValidationError {
    const pathOf = (path: readonly PropertyKey[]) => path.map((key) => (typeof key === 'number' ? key : String(key)));
    return new ValidationError(
      issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys' && issue.keys?.length
          ? issue.keys.map((key) => ({ path: [...pathOf(issue.path), key], code: issue.code, message: `Unknown field "${key}": leave it out.` }))
          : [{ path: pathOf(issue.path), code: issue.code, message: issue.message }],
      ),
    );
  }
}

export class NotFoundError extends ApiError {
  constructor(code = 'not_found', message = 'Nothing was found at this address.') {
    super(404, code, message);
    this.name = 'NotFoundError';
  }
}

/** A reference code with no feedback behind it on this site, for officials' calls (residents' lookups word it for residents). */
export const submissionNotFound = (ref: string) => new NotFoundError('submission_not_found', `No feedback with the reference ${ref} on this site.`);

export class UnauthorizedError extends ApiError {
  constructor(message = 'Send an official\'s token as "Authorization: Bearer TOKEN".') {
    super(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="osallistu"' });
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends ApiError {
  constructor(code: string, message: string) {
    super(403, code, message);
    this.name = 'ForbiddenError';
  }
}

export class ConflictError extends ApiError {
  constructor(code: string, message: string) {
    super(409, code, message);
    this.name = 'ConflictError';
  }
}

/** The error envelope as a zod-free type, for clients (the widgets import it as a type). */
export interface ErrorEnvelope {
  error: { code: string; message: string; issues?: ErrorIssue[] };
}
