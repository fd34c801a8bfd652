import * as v from 'valibot';
import { CONFIDENCES, FEATURE_KINDS } from './vocabulary';
import { Id } from './primitives';

export const MAX_DETECTIONS = 200;
/** Signals kept per finding to say why it applies: one explains it, a few show it was not a one-off. */
export const MAX_BECAUSE = 5;

/**
 * Why a rule fired: the kind of signal and a short, page-derived piece of evidence (plain text).
 * 'request' is a request a financial firm's page already made (its resource timing entries).
 */
export const SignalHit = v.object({
  kind: v.picklist(['route', 'control', 'selector', 'frame', 'script', 'form', 'link', 'entity-page', 'request']),
  evidence: v.pipe(v.string(), v.maxLength(200)),
});
export type SignalHit = v.InferOutput<typeof SignalHit>;

/** A bank-linked feature the content script saw on the page, grouped per rule and partner set. */
export const Detection = v.object({
  ruleId: Id,
  feature: v.picklist(FEATURE_KINDS),
  partners: v.pipe(v.array(Id), v.maxLength(20)),
  confidence: v.picklist(CONFIDENCES),
  /** How many elements on the page showed it. */
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
  signals: v.pipe(v.array(SignalHit), v.maxLength(10)),
});
export type Detection = v.InferOutput<typeof Detection>;

export function detectionKey(d: Pick<Detection, 'ruleId' | 'partners'>): string {
  return `${d.ruleId}|${[...d.partners].sort().join(',')}`;
}
