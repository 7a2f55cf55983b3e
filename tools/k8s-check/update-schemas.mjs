// Writes schemas/<group>-<Kind>.json from a CustomResourceDefinition YAML: the openAPIV3Schema of
// every served version, and where it came from. Used to vendor (and to update) the schemas of the
// operators' resources; see schemas/README.md.
// Usage: node update-schemas.mjs CRD.yaml "Project version (licence), path in its repository"
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const [, , input, source] = process.argv;
if (!input || !source) {
  console.error("usage: node update-schemas.mjs CRD.yaml SOURCE");
  process.exit(2);
}
const crd = parse(readFileSync(input, "utf8"));
const served = crd.spec.versions.filter(v => v.served);
const output = join(dirname(fileURLToPath(import.meta.url)), "schemas", `${crd.spec.group}-${crd.spec.names.kind}.json`);
writeFileSync(output, JSON.stringify({
  source,
  group: crd.spec.group,
  kind: crd.spec.names.kind,
  versions: Object.fromEntries(served.map(v => [v.name, v.schema.openAPIV3Schema])),
}, null, 1) + "\n");
console.log(`${output}: ${served.map(v => v.name).join(", ")}`);
