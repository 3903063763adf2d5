// Validates a CloudFormation/SAM template offline with AWS's own validator (the WebAssembly build
// bundled in aws-cdk-lib) and prints one JSON line per diagnostic: {severity, rule, message}.
'use strict';
const path = require('path');
const { CompositeEngine, TemplateFile } = require(path.join(__dirname, '..', '..', '..',
    'node_modules', 'aws-cdk-lib', 'node_modules', '@aws', 'cloudformation-validate'));

const engine = new CompositeEngine();
try {
  const report = engine.validateTemplate(new TemplateFile(process.argv[2]));
  for (const d of report.diagnostics) {
    console.log(JSON.stringify({ severity: d.severity, rule: d.ruleId, message: d.message }));
  }
} finally {
  engine.free();
}
