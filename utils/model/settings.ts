import * as v from 'valibot';
import { Id } from './primitives';

export const HISTORY_PERIODS = [0, 7, 30, 90] as const;

/** An origin the user added, e.g. https://social.example. */
export const CustomSite = v.pipe(v.string(), v.maxLength(200), v.regex(/^https:\/\/[a-z0-9.-]+(?::\d+)?$/, 'must be an https origin such as https://example.com'));

/**
 * The other direction (issue 20), opt-in: 'firms' reads financial firms' own pages, with host
 * permission for their domains only; 'all' holds permission for every site but still reads only
 * financial firms' pages. 'off' holds no such permission.
 */
export const FINANCIAL_SITE_MODES = ['off', 'firms', 'all'] as const;
export type FinancialSiteMode = (typeof FINANCIAL_SITE_MODES)[number];

export const Settings = v.object({
  /** Built-in platforms the user switched off; every other supported site is watched. */
  disabledSites: v.array(Id),
  customSites: v.array(CustomSite),
  /** Pause everything without losing the per-site choices. */
  paused: v.boolean(),
  /** In-page markers are opt-in: the badge alone says enough for most people. */
  markers: v.boolean(),
  markersHiddenOn: v.array(Id),
  /** Days of local history kept; 0 keeps none. */
  historyDays: v.picklist(HISTORY_PERIODS),
  /** Page URLs go into history only when the user asks for it. */
  recordUrls: v.boolean(),
  /**
   * Read whole pages on arrival instead of what is near the screen: features far down a long page
   * show up before the user scrolls to them, at more cost to that page.
   */
  wholePage: v.boolean(),
  financialSites: v.picklist(FINANCIAL_SITE_MODES),
});
export type Settings = v.InferOutput<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  customSites: [],
  paused: false,
  markers: false,
  markersHiddenOn: [],
  historyDays: 30,
  recordUrls: false,
  wholePage: false,
  financialSites: 'off',
};
