import type { z } from '@hono/zod-openapi';
import type { SubmissionStatus } from '../../../../worker/schema/forms.ts';

/** The status lookup's strings, loaded only when it is shown. */
export interface FeedbackStatusMessages {
  errorPrefix: string;
  refLabel: string;
  refHint: string;
  lookup: string;
  lookingUp: string;
  refInvalid: string;
  refNotFound: (ref: string) => string;
  statusHeading: (ref: string) => string;
  status: Record<z.infer<typeof SubmissionStatus>, string>;
  statusLine: (status: string) => string;
  receivedAt: (when: string) => string;
  updatedAt: (when: string) => string;
  replies: string;
  noReplies: string;
  removeContact: string;
  confirmRemove: string;
  confirm: string;
  cancel: string;
  contactRemoved: string;
  /** The removal key, shown once after sending. */
  keyTitle: string;
  keyHelp: string;
  /** The field for typing the key on another device. */
  keyLabel: string;
  keyHint: string;
  keyInvalid: string;
  keyRefused: string;
}
