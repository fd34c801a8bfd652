import * as v from 'valibot';
import { CONFIDENCES } from './vocabulary';
import { ControlSignal, Pattern } from './rule';
import { Id, Text } from './primitives';

/**
 * The other direction of the ledger: a financial firm's own page that loads a social platform's
 * tracking or sign-in code. These rules are data, like the detection rules, and are read only on
 * financial firms' pages, only when the user has opted in.
 */

const Host = v.pipe(v.string(), v.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'must be a host name such as connect.facebook.net'), v.maxLength(100));

/**
 * Code or a request from the platform: a script or frame the page holds, or a request the page
 * already made (its resource timing entries, which a content script reads without any network
 * permission). The host matches itself and its subdomains; the path, when given, narrows it to the
 * tracking code among everything else the host serves.
 */
const AddressSignal = v.object({
  kind: v.picklist(['script', 'frame', 'request']),
  hosts: v.pipe(v.array(Host), v.minLength(1), v.maxLength(20)),
  path: v.optional(Pattern),
});

/** A "Continue with Facebook"-style control, by its accessible name in every signal language (as rules' controls are). */
const SignInSignal = ControlSignal;

export const TrackerSignal = v.variant('kind', [AddressSignal, SignInSignal]);
export type TrackerSignal = v.InferOutput<typeof TrackerSignal>;

export const TrackerRule = v.object({
  id: Id,
  /** The platform (an entity id) the code sends to. */
  platform: Id,
  feature: v.picklist(['social-tracking', 'social-sign-in']),
  description: Text(300),
  confidence: v.picklist(CONFIDENCES),
  signals: v.pipe(v.array(TrackerSignal), v.minLength(1, 'must have at least one signal')),
});
export type TrackerRule = v.InferOutput<typeof TrackerRule>;
