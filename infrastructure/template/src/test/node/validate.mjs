// Validates a CloudFormation/SAM template offline with AWS's own validator, @aws/cloudformation-validate
// (a WebAssembly build of the CloudFormation rules, SAM transform included), as bundled in aws-cdk-lib:
// it is loaded through aws-cdk-lib's own resolution, wherever npm put it.
//   node validate.mjs <template>
// prints one JSON document: {"validator": version, "template": path, "diagnostics": [...]}, each
// diagnostic {severity, ruleId, message, entity, propertyPath, startLine, startColumn}. Exit 0 when it ran.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cdk = createRequire(path.join(moduleDir, 'package.json')).resolve('aws-cdk-lib/package.json');
const { CompositeEngine, TemplateFile, version } = createRequire(cdk)('@aws/cloudformation-validate');

const template = process.argv[2];
if (!template) {
  console.error('usage: node validate.mjs <template.yaml>');
  process.exit(2);
}
const engine = new CompositeEngine();
try {
  const report = engine.validateTemplate(new TemplateFile(template));
  const diagnostics = report.diagnostics.map((d) => ({
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    entity: d.entity?.logicalId ?? null,
    propertyPath: d.propertyPath ?? null,
    startLine: d.startLine ?? null,
    startColumn: d.startColumn ?? null,
  }));
  console.log(JSON.stringify({ validator: version(), template, diagnostics }));
} finally {
  engine.free();
}
