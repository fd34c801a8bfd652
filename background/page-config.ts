import type { Entity } from '../utils/model/entity';
import type { PageConfig } from '../utils/model/page-config';
import type { Rule } from '../utils/model/rule';
import type { Settings } from '../utils/model/settings';

/**
 * What a content script on a page of this platform is given: the rules that apply there, and the
 * financial entities with their domains and only this platform's handles. Pure, so the benchmark
 * builds the very config the background sends.
 */
export function pageConfigFor(platform: PageConfig['platform'], rules: readonly Rule[], entities: readonly Entity[], settings: Settings): PageConfig {
  return {
    platform,
    rules: rules.filter((r) => !r.platforms || r.platforms.includes(platform.id)),
    entities: entities
      .filter((e) => e.kind !== 'platform' && e.kind !== 'owner')
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind, domains: e.domains, handles: e.handles[platform.id] ? { [platform.id]: e.handles[platform.id]! } : {} })),
    markers: settings.markers && !settings.markersHiddenOn.includes(platform.id),
    wholePage: settings.wholePage,
  };
}
