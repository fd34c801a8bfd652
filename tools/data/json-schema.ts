import { toJsonSchema } from '@valibot/to-json-schema';
import { Dataset } from '../../utils/model/dataset';

/** Where the published schema lives, beside the list files whose "$schema" points at it. */
export const SCHEMA_FILE = 'public/data/ledgerlight.schema.json';

/**
 * The JSON Schema third parties author lists against, derived from the same valibot declaration
 * the extension validates with, so the two cannot drift. Checks JSON Schema cannot express (a real
 * calendar date, a compilable regular expression) are left out here and enforced by data:check and
 * the importer.
 */
export function datasetJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(Dataset, {
    target: 'draft-2020-12',
    // Input mode: a list may omit what the app fills in with defaults (statements, domains...).
    typeMode: 'input',
    ignoreActions: ['check'],
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...schema,
    title: 'Ledgerlight list',
    description:
      'A Ledgerlight list file: entities, detection rules and data-sharing arrangements between social platforms and financial firms. See docs/data.md.',
  };
}

/** The file's exact text, so a test can compare it byte for byte with what is committed. */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
