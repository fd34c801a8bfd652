import * as v from 'valibot';
import { FEATURE_KINDS } from './vocabulary';
import { Id } from './primitives';
import { MAX_BECAUSE, SignalHit } from './detection';

/** The platform a page belongs to, and the company that owns it when arrangements are made at that level. */
export const PagePlatform = v.object({ id: Id, owner: v.optional(Id) });
export type PagePlatform = v.InferOutput<typeof PagePlatform>;

/** An arrangement that applies to what was detected on a page, and why. */
export const Finding = v.object({
  arrangementId: Id,
  /**
   * How the arrangement's platform relates to the page: the page's own platform, its owner, or any
   * site; or 'firm': the page is the arrangement's financial partner's own, and loads the platform's code.
   */
  via: v.picklist(['platform', 'owner', 'any', 'firm']),
  ruleIds: v.array(Id),
  /** The arrangement's partners the page itself showed (none when the platform's own feature brought it). */
  partners: v.array(Id),
  features: v.array(v.picklist(FEATURE_KINDS)),
  /** The signals on the page that made it apply, so the popup and the scanner can say why in one line. */
  because: v.pipe(v.array(SignalHit), v.maxLength(MAX_BECAUSE)),
});
export type Finding = v.InferOutput<typeof Finding>;
