import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, datasetJsonSchemaText } from '@/tools/data/json-schema';

describe('the published JSON Schema', () => {
  it('is exactly what `npm run data:schema` generates from the valibot Dataset schema', () => {
    // If this fails, the model changed without regenerating: run `npm run data:schema` and commit.
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(datasetJsonSchemaText());
  });

  it('tells authors the vocabularies the app accepts', () => {
    const text = datasetJsonSchemaText();
    for (const word of ['"under-investigation"', '"bank-linking"', '"card-transactions"', '"^https://"']) expect(text).toContain(word);
  });
});
