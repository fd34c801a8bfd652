import * as v from 'valibot';
import { CONFIDENCES, ENTITY_KINDS, FEATURE_KINDS, SIGNAL_LANGUAGES, type SignalLanguage } from './vocabulary';
import { Id, Text } from './primitives';

export const Pattern = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression'),
);

const Phrase = v.pipe(v.string(), v.regex(/\S/, 'must not be empty'), v.maxLength(80));

/** The URL path of the page (single-page routes included), e.g. ^/facebook_pay. */
const RouteSignal = v.object({
  kind: v.literal('route'),
  pattern: Pattern,
  /**
   * A link or form on the site that leads to this route counts too (Facebook's settings list links
   * to /facebook_pay/). Only for routes where payment details are kept or money moves: a link to
   * an upsell page sits on every page of a site and says nothing about this one.
   */
  links: v.optional(v.boolean()),
});

/**
 * An interactive control (button, link, menu item, submit input, role="button" element) whose
 * accessible name contains one of these phrases as whole words. Keyed by language; every
 * language in SIGNAL_LANGUAGES must be present.
 */
const PhraseList = v.pipe(v.array(Phrase), v.minLength(1, 'must list at least one phrase'), v.maxLength(50));
const labelEntries = {} as Record<SignalLanguage, typeof PhraseList>;
for (const language of SIGNAL_LANGUAGES) labelEntries[language] = PhraseList;

export const ControlSignal = v.object({ kind: v.literal('control'), labels: v.object(labelEntries) });

/**
 * A stable hook the site or a vendor's SDK puts on the feature, such as a data-testid, or the
 * name PayPal's SDK gives the frame it renders its buttons in.
 */
const SelectorSignal = v.object({
  kind: v.literal('selector'),
  selector: v.pipe(v.string(), v.maxLength(300)),
  /** The firm whose SDK leaves this hook, when it is not the rule's own partner. */
  partner: v.optional(Id),
});

/** A frame, script, form target or link on a financial entity's domain. */
const ResourceSignal = v.object({
  kind: v.picklist(['frame', 'script', 'form', 'link']),
  /** Only these entities count; omitted means any entity of the given kinds. */
  partners: v.optional(v.array(Id)),
  entityKinds: v.optional(v.array(v.picklist(ENTITY_KINDS))),
});

/** The page or chat of a financial entity's own account, found by its handle on this platform. */
const EntityPageSignal = v.object({
  kind: v.literal('entity-page'),
  /** Path before the handle, e.g. "/t/" for a Messenger chat; "/" for a profile. */
  prefix: v.optional(v.pipe(v.string(), v.startsWith('/'), v.maxLength(40)), '/'),
  entityKinds: v.optional(v.array(v.picklist(ENTITY_KINDS))),
});

export const Signal = v.variant('kind', [RouteSignal, ControlSignal, SelectorSignal, ResourceSignal, EntityPageSignal]);
export type Signal = v.InferOutput<typeof Signal>;

/** A detection rule: data, not code. Any one of its signals is enough to fire it. */
export const Rule = v.object({
  id: Id,
  feature: v.picklist(FEATURE_KINDS),
  description: Text(300),
  confidence: v.picklist(CONFIDENCES),
  /** Platform ids the rule applies to; omitted means every watched site. */
  platforms: v.optional(v.array(Id)),
  /** The partner the feature implies even when the page names none (e.g. a "Pay with PayPal" button). */
  partner: v.optional(Id),
  signals: v.pipe(v.array(Signal), v.minLength(1, 'must have at least one signal')),
});
export type Rule = v.InferOutput<typeof Rule>;
