// Validates SARIF logs against the official SARIF 2.1.0 schema (draft-04).
// Usage: node validate.js FILE... ; exit 0 when every file is valid.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const schemaPath = path.join(__dirname, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

let ok = true;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validate(log)) {
    ok = false;
    for (const e of validate.errors) console.log(`${file}: ${e.dataPath || '/'} ${e.message}`);
  }
}
process.exit(ok ? 0 : 1);
