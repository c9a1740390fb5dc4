// Validates documents against a JSON Schema (draft 2020-12) with Ajv in its
// default strict mode plus ajv-formats, the validator behind most editors'
// and CI linters' JSON Schema support. With withoutUnicodeFlag set, a
// second Ajv compiles the patterns without the u flag (unicodeRegExp:
// false), as ECMAScript regular expressions are read by default, and each
// result also says what it found: validWithoutU.
//
// stdin:  {schema, documents: [{name, data}], withoutUnicodeFlag?}
// stdout: {ajv, ajvFormats, compileError?, results: [{name, valid, errors, validWithoutU?}]}

import { input, output, tools, version } from './lib.mjs';

const require = tools();
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const { schema, documents, withoutUnicodeFlag } = await input();
const out = { ajv: version('ajv'), ajvFormats: version('ajv-formats'), results: [] };
let validate, validateWithoutU;
try {
  validate = compile({});
  if (withoutUnicodeFlag) validateWithoutU = compile({ unicodeRegExp: false });
} catch (e) {
  out.compileError = String(e.message || e);
}
if (validate) {
  for (const { name, data } of documents) {
    const valid = validate(data);
    const errors = (validate.errors || []).map(
      (e) => `${e.instancePath || '/'}: ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
    );
    const result = { name, valid, errors };
    if (validateWithoutU) result.validWithoutU = validateWithoutU(data);
    out.results.push(result);
  }
}

function compile(options) {
  const ajv = new Ajv2020({ allErrors: true, ...options });
  addFormats(ajv);
  return ajv.compile(schema);
}
output(out);
