export { PollCounter } from './object.ts';
export type { CastOutcome, CastRequest, CounterPoll, Delivery, ReadOutcome } from './object.ts';
export { counterPoll, flushPoll, pollCounter } from './client.ts';
