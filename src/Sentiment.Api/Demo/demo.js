// The demo page: asks POST /sentiment with explain and sentences, and draws the answer.
// No libraries and no inline code, so the page runs under a strict Content-Security-Policy.
"use strict";

const $ = (id) => document.getElementById(id);

function headers() {
  const h = { "Content-Type": "application/json" };
  const key = $("key").value.trim();
  if (key) h["Authorization"] = "Bearer " + key;
  return h;
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || response.statusText;
  } catch {
    return response.status + " " + response.statusText;
  }
}

const describeModels = (list) => "Models: " + list.models
  .map((m) => `${m.name} ${m.version} (${m.language}${m.name === list.default ? ", the default" : ""}; labels: ${m.labels.join(", ")})`)
  .join("; ") + ".";

async function loadModels() {
  const response = await fetch("/models", { headers: headers() });
  $("model").textContent = response.ok ? describeModels(await response.json())
    : response.status === 401 ? "Enter an API key to see the models." : "Models: " + (await problemText(response));
}

// Buckets of the diverging scale: the effect of a word on the score (or on the label's probability).
function bucket(value) {
  const size = Math.abs(value);
  const step = size < 0.02 ? 0 : size < 0.1 ? 1 : size < 0.25 ? 2 : 3;
  return value < 0 ? -step : step;
}

const describe = (b) => ["strongly negative", "negative", "slightly negative", "no effect",
  "slightly positive", "positive", "strongly positive"][b + 3];

// Words sharing a span (an emoji and its name words, "do" and "n't") are drawn once, with their sum.
function spans(words) {
  const bySpan = new Map();
  for (const w of words) {
    const key = w.offset + ":" + w.length;
    const effect = w.scoreContribution ?? w.contribution;
    const span = bySpan.get(key) ?? { offset: w.offset, length: w.length, effect: 0, read: false };
    span.effect += effect;
    span.read ||= w.known && !w.truncated;
    bySpan.set(key, span);
  }
  return [...bySpan.values()].sort((a, b) => a.offset - b.offset);
}

function drawWords(text, words) {
  const target = $("words");
  target.replaceChildren();
  let at = 0;
  const drawn = [];
  for (const span of spans(words)) {
    if (span.offset < at) continue; // overlapping spans are drawn once
    target.append(text.slice(at, span.offset));
    const mark = document.createElement("mark");
    const b = span.read ? bucket(span.effect) : 0;
    const written = text.slice(span.offset, span.offset + span.length);
    mark.className = "w c" + b;
    mark.dataset.effect = span.effect.toFixed(4);
    mark.textContent = written;
    mark.title = span.read ? `${describe(b)} (${span.effect >= 0 ? "+" : ""}${span.effect.toFixed(3)})` : "not read by the model";
    mark.setAttribute("aria-label", `${written}: ${mark.title}`);
    target.append(mark);
    drawn.push({ written, effect: span.effect, read: span.read });
    at = span.offset + span.length;
  }
  target.append(text.slice(at));
  const top = (sign) => drawn.filter((d) => d.read && Math.sign(d.effect) === sign && bucket(d.effect) !== 0)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)).slice(0, 5).map((d) => d.written);
  const positive = top(1), negative = top(-1);
  $("drivers").textContent = `Towards positive: ${positive.join(", ") || "none"}. Towards negative: ${negative.join(", ") || "none"}.`;
}

function drawSentences(sentences) {
  const body = $("sentences").tBodies[0];
  body.replaceChildren();
  for (const s of sentences ?? []) {
    const row = body.insertRow();
    row.insertCell().textContent = s.text;
    const label = row.insertCell();
    label.textContent = s.label;
    label.className = "label-" + s.label;
    row.insertCell().textContent = s.confidence == null ? "–" : Math.round(s.confidence * 100) + "%";
  }
}

async function analyse(event) {
  event.preventDefault();
  const text = $("text").value;
  $("error").hidden = true;
  $("analyse").disabled = true;
  try {
    const response = await fetch("/sentiment", {
      method: "POST", headers: headers(), body: JSON.stringify({ text, explain: true, sentences: true }),
    });
    if (!response.ok) throw new Error(await problemText(response));
    const answer = await response.json();
    $("label").textContent = answer.label;
    $("label").className = "label-" + answer.label;
    $("confidence").value = answer.confidence ?? 0;
    // A mixed text keeps the whole text's probabilities: say which label the confidence is for.
    const top = answer.probabilities ? Object.entries(answer.probabilities).sort((a, b) => b[1] - a[1])[0][0] : null;
    $("confidence-text").textContent = answer.confidence == null ? "(none)"
      : Math.round(answer.confidence * 100) + "%" + (answer.label === "mixed" ? ` (of the whole text being ${top})` : "");
    drawWords(text, answer.words ?? []);
    drawSentences(answer.sentences);
    // The model that answered this text (by its script), which need not be the default one.
    const name = response.headers.get("X-Model-Name") ?? "the model";
    $("answered-by").textContent = `Answered by ${name} ${response.headers.get("X-Model-Version") ?? answer.modelVersion}.`;
    $("result").hidden = false;
    $("result").dataset.modelVersion = answer.modelVersion;
  } catch (e) {
    $("error").textContent = "Could not analyse the text: " + e.message;
    $("error").hidden = false;
  } finally {
    $("analyse").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("form").addEventListener("submit", analyse);
  $("text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("form").requestSubmit();
  });
  for (const example of document.querySelectorAll("button.example")) {
    example.addEventListener("click", () => {
      $("text").value = example.dataset.text;
      $("text").focus();
    });
  }
  $("key").addEventListener("change", loadModels);
  loadModels().catch((e) => { $("model").textContent = "Models: " + e.message; });
});
