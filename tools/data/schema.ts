/** `npm run data:schema`: regenerates public/data/ledgerlight.schema.json from the valibot Dataset schema. */
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, datasetJsonSchemaText } from './json-schema';

writeFileSync(SCHEMA_FILE, datasetJsonSchemaText());
console.log(`data:schema: wrote ${SCHEMA_FILE}`);
