import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Arrangement } from './model/arrangement';
import type { Detection } from './model/detection';
import type { Entity } from './model/entity';
import type { Rule } from './model/rule';
import type { Settings } from './model/settings';
import type { Finding, PagePlatform } from '../background/matching';
import type { ImportChanges } from '../background/db/list-store';
import type { Problem } from './model/integrity';
import type { HistoryRow } from '../background/db/schema';

/** Every reply from the background: a value, or an error the user can be shown. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; problems?: Problem[] };

/** What a content script needs to watch one page: nothing at all when the site is not watched. */
export interface PageConfig {
  platform: PagePlatform;
  rules: Rule[];
  /** Financial entities with their domains and their handles on this platform only. */
  entities: (Pick<Entity, 'id' | 'kind' | 'domains' | 'handles'> & { /** For in-page markers; detection needs none. */ name?: string })[];
  markers: boolean;
  /** Read the whole page at once rather than what is near the screen first (a setting; the scanner uses it). */
  wholePage: boolean;
}

export type TabState = {
  tabId: number;
  platform?: PagePlatform;
  /** Only the page's origin; the full URL is not kept. */
  origin?: string;
  detections: Detection[];
  findings: Finding[];
  /** Parts of the page far from the screen were not read yet: more may be found as the user scrolls. */
  unread?: boolean;
  updatedAt: number;
};

/** A tab's findings with everything the popup needs to explain them. */
export interface TabReport extends TabState {
  watched: boolean;
  paused: boolean;
  arrangements: Record<string, Arrangement>;
  entities: Record<string, Pick<Entity, 'id' | 'name' | 'kind'>>;
}

export interface ListQuery {
  text?: string;
  platform?: string;
  partner?: string;
  status?: string;
  region?: string;
}

export interface ListSummary {
  version: string;
  total: number;
  arrangements: Arrangement[];
  entities: Pick<Entity, 'id' | 'name' | 'kind'>[];
}

/**
 * The typed protocol between content scripts, extension pages and the background. Each request
 * is validated against its schema in background/handlers before it is acted on.
 */
export interface Protocol {
  'page:hello'(data: { url: string }): Result<PageConfig | null>;
  'page:detections'(data: { url: string; detections: Detection[]; unread: boolean }): Result<number>;
  /** From an in-page marker: show this tab's findings. */
  'page:show-details'(data: { url: string }): Result<null>;
  /** From an in-page marker: stop showing markers on this site, or anywhere. */
  'page:hide-markers'(data: { url: string; scope: 'site' | 'everywhere' }): Result<null>;
  'tab:report'(data: { tabId: number }): Result<TabReport>;
  'settings:get'(): Result<Settings>;
  'settings:set'(data: Settings): Result<Settings>;
  'list:query'(data: ListQuery): Result<ListSummary>;
  'list:export'(): Result<string>;
  'list:preview'(data: { text: string }): Result<ImportChanges>;
  'list:import'(data: { text: string }): Result<ImportChanges>;
  'list:reset'(): Result<string>;
  'history:get'(): Result<HistoryRow[]>;
  'history:clear'(): Result<null>;
  'data:clear-all'(): Result<null>;
}

export const messaging = defineExtensionMessaging<Protocol>();
export const { sendMessage, onMessage } = messaging;
