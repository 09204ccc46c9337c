// The client protocol (ARCHITECTURE §1): the JSON messages a shell and the core exchange over any
// duplex carrier (a WebSocket in browser mode, a MessagePort in the desktop app, a direct call in
// tests). zod/mini keeps the renderer bundle small; every incoming message is parsed with these.
//
//   client → core   hello     { last_event_id, token? }   first message; the core answers `ready`
//                   call      { id, name, input }         answered by `result` or `error` with that id
//                   catch_up  { id, after_id }            answered by `caught_up` (one page of the log)
//   core → client   ready     { protocol }                the hello was accepted; events follow
//                   result    { id, output }
//                   error     { id | null, error }        an AppError payload; id null: no call to blame
//                   event     { event }                   every event committed after last_event_id
//                   caught_up { id, events, next_after_id, more }
import * as z from 'zod/mini';
import { ERROR_CODES, type ErrorPayload } from '../errors.ts';
import type { OrchestronEvent } from '../events/event-types.ts';

export const PROTOCOL_VERSION = 1;
/** Events per caught_up answer: list_events' largest page. */
export const CATCH_UP_PAGE = 500;
/** Operation names are short identifiers; a longer one is refused before any lookup. */
const NAME_MAX = 100;
/** A token is 43 base64url characters; anything much longer is not one of ours. */
const TOKEN_MAX = 200;

const NonNegative = () => z.int().check(z.minimum(0));
/** Chosen by the client, echoed by the core: a safe integer, unique among the pending calls. */
export const CallIdSchema = NonNegative();
export type CallId = number;

export const HelloSchema = z.strictObject({
  type: z.literal('hello'),
  protocol: z.optional(z.literal(PROTOCOL_VERSION)),
  /** The last event the client holds: the core pushes only later ones. 0: from now on. */
  last_event_id: NonNegative(),
  token: z.optional(z.string().check(z.maxLength(TOKEN_MAX))),
});

const CallSchema = z.strictObject({
  type: z.literal('call'),
  id: CallIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(NAME_MAX)),
  input: z.optional(z.unknown()),
});

const CatchUpSchema = z.strictObject({
  type: z.literal('catch_up'),
  id: CallIdSchema,
  after_id: NonNegative(),
});

export const ClientMessageSchema = z.discriminatedUnion('type', [
  HelloSchema,
  CallSchema,
  CatchUpSchema,
]);
export type Hello = z.infer<typeof HelloSchema>;
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

const ErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.unknown())),
  hints: z.optional(
    z.array(
      z.object({
        action: z.string(),
        operation: z.string(),
        input: z.record(z.string(), z.unknown()),
      }),
    ),
  ),
  operation: z.optional(z.string()),
});

/** Only the envelope of an event is checked here: its body follows the core's event schema. */
const EventEnvelopeSchema = z.looseObject({ id: z.int(), type: z.string() });

export const CoreMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), protocol: z.int() }),
  z.strictObject({ type: z.literal('result'), id: CallIdSchema, output: z.unknown() }),
  z.strictObject({
    type: z.literal('error'),
    id: z.nullable(CallIdSchema),
    error: ErrorPayloadSchema,
  }),
  z.strictObject({ type: z.literal('event'), event: EventEnvelopeSchema }),
  z.strictObject({
    type: z.literal('caught_up'),
    id: CallIdSchema,
    events: z.array(EventEnvelopeSchema),
    next_after_id: NonNegative(),
    more: z.boolean(),
  }),
]);

/** What the core sends, with events typed as the core's (the schema checks their envelope only). */
export type CoreMessage =
  | { type: 'ready'; protocol: number }
  | { type: 'result'; id: CallId; output: unknown }
  | { type: 'error'; id: CallId | null; error: ErrorPayload }
  | { type: 'event'; event: OrchestronEvent }
  | {
      type: 'caught_up';
      id: CallId;
      events: OrchestronEvent[];
      next_after_id: number;
      more: boolean;
    };
