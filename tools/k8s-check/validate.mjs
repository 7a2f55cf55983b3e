// Validates rendered Kubernetes manifests offline: every document must be of a kind we hold a
// schema for, and must satisfy it.
//   - Kubernetes' own kinds: the schemas in kubernetes-models (generated from the Kubernetes
//     OpenAPI document; types, required fields, enums and formats), and no field that the official
//     client's models (@kubernetes/client-node, also generated from that document) do not name:
//     the schemas alone let a misspelt field through, which the API server would drop or refuse.
//   - Strimzi's Kafka and KafkaNodePool and CloudNativePG's Cluster: their CRDs' openAPIV3Schema,
//     vendored in schemas/ (see schemas/README.md), checked the way the API server's strict field
//     validation does: a field the schema does not name is an error, except where the schema keeps
//     unknown fields (x-kubernetes-preserve-unknown-fields) or allows any (additionalProperties).
// Usage: node validate.mjs FILE...   Exit 0 when every document is valid, 1 otherwise.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import Ajv from "ajv";
import * as models from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Marks every object schema that names its properties as closed, as strict field validation does. */
function closed(schema) {
  if (Array.isArray(schema)) {
    return schema.map(closed);
  }
  if (schema === null || typeof schema !== "object") {
    return schema;
  }
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    // Kubernetes' own keywords and free text mean nothing to a JSON Schema validator.
    if (key.startsWith("x-kubernetes-") || key === "description") {
      continue;
    }
    copy[key] = key === "properties" || key === "patternProperties"
      ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closed(sub)]))
      : closed(value);
  }
  const keepsUnknown = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (copy.properties && copy.additionalProperties === undefined && !keepsUnknown) {
    copy.additionalProperties = false;
  }
  // An int-or-string field is declared as such, not by a type.
  if (schema["x-kubernetes-int-or-string"] === true) {
    delete copy.type;
    copy.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const custom = new Map();
for (const file of readdirSync(join(here, "schemas")).filter(f => f.endsWith(".json"))) {
  const crd = JSON.parse(readFileSync(join(here, "schemas", file), "utf8"));
  for (const [version, schema] of Object.entries(crd.versions)) {
    custom.set(`${crd.group}/${version}/${crd.kind}`, ajv.compile(closed(schema)));
  }
}

/** The kubernetes-models class for a built-in kind, or null. */
function builtIn(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    return require(path)[kind] ?? null;
  } catch {
    return null;
  }
}

/**
 * Every field of a built-in kind's document that its model does not name, walked along the model's
 * field types ("V1PodSpec", "Array<V1Container>", "{ [key: string]: string; }"). A type that is
 * not a model class (string, IntOrString, Date, ...) ends the walk there.
 */
function unknownFields(value, type, path, problems) {
  if (value === null || value === undefined) {
    return;
  }
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, array[1], `${path}/${i}`, problems));
    return;
  }
  const dictionary = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (dictionary) {
    if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) unknownFields(item, dictionary[1], `${path}/${key}`, problems);
    }
    return;
  }
  const model = models[type];
  if (typeof model?.getAttributeTypeMap !== "function" || typeof value !== "object" || Array.isArray(value)) {
    return;
  }
  const fields = new Map(model.getAttributeTypeMap().map(field => [field.baseName, field.type]));
  for (const [key, item] of Object.entries(value)) {
    if (fields.has(key)) {
      unknownFields(item, fields.get(key), `${path}/${key}`, problems);
    } else {
      problems.push(`${path || "/"} has no field ${key} (${type})`);
    }
  }
}

/** The official client's model of a built-in kind: apps/v1 Deployment is V1Deployment, autoscaling/v2 ... V2... */
function modelOf(apiVersion, kind) {
  const version = apiVersion.split("/").pop();
  return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

function describe(errors) {
  return errors.map(e => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
}

let documents = 0;
const problems = [];
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      problems.push(`${file}: not YAML: ${document.errors.map(e => e.message).join("; ")}`);
      continue;
    }
    const manifest = document.toJS();
    if (manifest === null || manifest === undefined) {
      continue;
    }
    documents++;
    const { apiVersion, kind } = manifest;
    const name = `${file}: ${kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      problems.push(`${name}: no apiVersion or kind`);
      continue;
    }
    if (typeof manifest.metadata?.name !== "string") {
      problems.push(`${name}: no metadata.name`);
    }
    const crd = custom.get(`${apiVersion}/${kind}`);
    if (crd) {
      if (!crd(manifest)) {
        for (const line of describe(crd.errors)) problems.push(`${name}: ${line}`);
      }
      continue;
    }
    const Model = builtIn(apiVersion, kind);
    if (!Model) {
      problems.push(`${name}: no schema for ${apiVersion} ${kind} (neither a Kubernetes kind nor a vendored one)`);
      continue;
    }
    try {
      new Model(manifest).validate();
    } catch (e) {
      const lines = Array.isArray(e.errors) ? describe(e.errors) : [e.message];
      for (const line of lines) problems.push(`${name}: ${line}`);
    }
    const type = modelOf(apiVersion, kind);
    if (typeof models[type]?.getAttributeTypeMap !== "function") {
      problems.push(`${name}: no model ${type} in @kubernetes/client-node to check its field names against`);
      continue;
    }
    const unknown = [];
    unknownFields(manifest, type, "", unknown);
    for (const line of unknown) problems.push(`${name}: ${line}`);
  }
}

for (const problem of problems) console.log(problem);
console.log(problems.length === 0
  ? `${documents} documents valid`
  : `${problems.length} problems in ${documents} documents`);
process.exit(problems.length === 0 ? 0 : 1);
