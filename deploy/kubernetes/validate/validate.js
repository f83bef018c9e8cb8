// Validates the manifests in the folder above against the Kubernetes API schemas (kubernetes-models),
// rejects fields the schemas do not know, and checks that the objects fit together.
// usage: node validate.js [MANIFEST_DIR]   (exit code 1 when anything is wrong)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, ".."));
const problems = [];
const objects = [];

for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), "utf8"), { strict: true });
  for (const doc of docs) {
    for (const e of [...doc.errors, ...doc.warnings]) problems.push(`${file}: ${e.message}`);
    const value = doc.toJS();
    if (value) objects.push({ file, value });
  }
}

for (const { file, value } of objects) {
  const where = `${file}: ${value.kind}/${value.metadata?.name}`;
  const Model = modelFor(value);
  if (!Model) {
    problems.push(`${where}: no schema for apiVersion ${value.apiVersion}, kind ${value.kind}`);
    continue;
  }
  const seen = new Map();
  try {
    // The validator reads every field its schema defines; a field it never reads is unknown to the API.
    Model.prototype.validate.call(watch(value, "", seen));
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
  for (const field of unknownFields(value, "", seen)) problems.push(`${where}: unknown field ${field}`);
}

problems.push(...require("./consistency").check(objects.map((o) => o.value)));

const kinds = objects.map((o) => o.value.kind).join(", ");
if (problems.length) {
  for (const p of problems) console.error(`FAIL ${p}`);
  console.error(`kubernetes manifests: ${problems.length} problem(s) in ${objects.length} objects`);
  process.exit(1);
}
console.log(`kubernetes manifests: ${objects.length} objects valid (${kinds})`);

function modelFor({ apiVersion, kind }) {
  if (!/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion ?? "")) return undefined;
  try {
    return require(`kubernetes-models/${apiVersion}`)[kind];
  } catch {
    return undefined;
  }
}

// Wraps an object so that each property the validator reads, or each object it enumerates, is recorded.
function watch(value, at, seen) {
  if (value === null || typeof value !== "object") return value;
  const read = seen.get(at) ?? new Set();
  seen.set(at, read);
  return new Proxy(value, {
    get(target, key) {
      if (typeof key !== "string") return target[key];
      read.add(key);
      return watch(target[key], `${at}/${key}`, seen);
    },
    has(target, key) {
      read.add(key);
      return key in target;
    },
    ownKeys(target) {
      read.add("*"); // a map (labels, resources, ...) takes any key
      return Reflect.ownKeys(target);
    },
  });
}

function* unknownFields(value, at, seen) {
  if (value === null || typeof value !== "object") return;
  const read = seen.get(at) ?? new Set();
  for (const key of Object.keys(value)) {
    if (!Array.isArray(value) && !read.has(key) && !read.has("*")) yield `${at}/${key}`;
    else yield* unknownFields(value[key], `${at}/${key}`, seen);
  }
}
