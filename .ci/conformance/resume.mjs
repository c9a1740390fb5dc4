// Validates JSON Resume documents with the two schema generations' own
// validate(resume, callback) functions: resume-schema 1.0.x (draft-04 via
// z-schema, strict top level) and @jsonresume/schema 1.3.x (draft-07 via
// jsonschema, open top level).
//
// stdin:  {documents: [{name, resume}]}
// stdout: {validators: {package: version}, results: [{name, package: {valid, errors}}]}

import { input, output, tools, version } from './lib.mjs';

const require = tools();
const packages = ['resume-schema', '@jsonresume/schema'];
const validators = Object.fromEntries(packages.map((p) => [p, require(p).validate]));

const { documents } = await input();
const results = [];
for (const { name, resume } of documents) {
  const r = { name };
  for (const p of packages) r[p] = await validate(validators[p], resume);
  results.push(r);
}
output({ validators: Object.fromEntries(packages.map((p) => [p, version(p)])), results });

// validate calls a package's validator and normalises its two callback
// styles: resume-schema passes (err) or (null, {valid}); @jsonresume/schema
// passes (errors, false) or (null, true).
function validate(fn, resume) {
  return new Promise((resolve) => {
    fn(resume, (err, res) => {
      const errors = err ? [].concat(err).map(describe) : [];
      const valid = !err && (res === true || (res && res.valid === true));
      resolve({ valid, errors });
    });
  });
}

function describe(e) {
  if (typeof e === 'string') return e;
  if (e.stack && e.property) return e.stack; // jsonschema: "instance.x is not of a type(s) string"
  if (e.code && e.message) return `${e.path}: ${e.message} (${e.code})`; // z-schema
  return JSON.stringify(e);
}
