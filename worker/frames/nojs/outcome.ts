/**
 * What a plain form post (./posts.ts) comes to: a redirect to the page that shows the result
 * (POST, redirect, GET: a reload never sends the form again), or the page again with what went
 * wrong, under a 4xx status.
 */
import type { FallbackContext, RenderState } from './context.ts';

export type PostOutcome =
  | { redirect: string; cookie?: string }
  | { status: NonNullable<FallbackContext['status']>; state: RenderState };

/** One-off keys as the API takes them in Idempotency-Key. */
export const FORM_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/** A well-formed one-off key from a form or query value, else null. */
export const formKey = (value: string | null | undefined): string | null => (value && FORM_KEY.test(value) ? value : null);
