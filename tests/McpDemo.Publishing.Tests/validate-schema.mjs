// Validates a JSON document against a draft-07 JSON schema with the ajv pinned in eng/tools.
// Usage: node validate-schema.mjs <eng/tools dir> <schema.json> <document.json>
// Prints the errors and exits 1 when the document does not validate.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [toolsDir, schemaPath, documentPath] = process.argv.slice(2);
const require = createRequire(join(toolsDir, 'package.json'));
const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
if (validate(JSON.parse(readFileSync(documentPath, 'utf8')))) {
  console.log('valid');
} else {
  console.error(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
