// Validates documents against a JSON Schema (draft 2020-12) with Ajv in its
// default strict mode plus ajv-formats, the validator behind most editors'
// and CI linters' JSON Schema support.
//
// stdin:  {schema, documents: [{name, data}]}
// stdout: {ajv, ajvFormats, compileError?, results: [{name, valid, errors}]}

import { input, output, tools, version } from './lib.mjs';

const require = tools();
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const { schema, documents } = await input();
const out = { ajv: version('ajv'), ajvFormats: version('ajv-formats'), results: [] };
let validate;
try {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
} catch (e) {
  out.compileError = String(e.message || e);
}
if (validate) {
  for (const { name, data } of documents) {
    const valid = validate(data);
    const errors = (validate.errors || []).map(
      (e) => `${e.instancePath || '/'}: ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
    );
    out.results.push({ name, valid, errors });
  }
}
output(out);
