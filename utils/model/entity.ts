import * as v from 'valibot';
import { ENTITY_KINDS } from './vocabulary';
import { Id, Text } from './primitives';

const Domain = v.pipe(v.string(), v.regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a lower-case domain such as paypal.com'));
const Handle = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a bare handle without @ or URL'));

/** Social handles per platform id: the account pages and chats that belong to a financial entity. */
export const Handles = v.record(Id, v.array(Handle));

/** A platform, a bank, a card network, a payment firm or another party to an arrangement. */
export const Entity = v.object({
  id: Id,
  name: Text(120),
  kind: v.picklist(ENTITY_KINDS),
  /** Parent company id, e.g. instagram -> meta, venmo -> paypal. */
  owner: v.optional(Id),
  /** ISO 3166-1 alpha-2 country of headquarters. */
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO country code'))),
  /** Domains whose frames, scripts, forms and links reveal this entity; subdomains included. */
  domains: v.optional(v.array(Domain), []),
  handles: v.optional(Handles, {}),
});
export type Entity = v.InferOutput<typeof Entity>;
