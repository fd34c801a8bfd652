import { i18n } from '#i18n';
import type { Detection } from '@/utils/model/detection';
import { FEATURE_LABELS, listOf } from '../../utils/i18n';

export interface MarkerText {
  /** The button's accessible name. */
  label: string;
  /** One line on what was found and with whom. */
  summary: string;
}

/** What a marker says about the detections on one control, in the user's language. */
export function markerText(detections: readonly Detection[], name: (id: string) => string): MarkerText {
  const features = listOf([...new Set(detections.map((d) => FEATURE_LABELS[d.feature]))]);
  const partners = [...new Set(detections.flatMap((d) => d.partners))].map(name);
  return {
    label: i18n.t('marker.label', { feature: features }),
    summary: partners.length ? i18n.t('marker.withPartners', { feature: features, partners: listOf(partners) }) : i18n.t('marker.alone', { feature: features }),
  };
}
