// The editor's page: posts the article to /v1/summarize and shows the result.
// Plain browser JavaScript, no build step. Offsets in the result count Unicode code
// points (Python string indices), so the source is sliced as an array of code points.
"use strict";

const $ = (id) => document.getElementById(id);

function buildRequest() {
  const request = {
    text: $("article").value,
    headline: { max_words: Number($("headline-words").value) },
    summary: {},
    method: $("method").value,
    include: ["highlights", "repaired_text"],
  };
  const length = Number($("summary-length").value);
  if ($("summary-unit").value === "sentences") request.summary.sentences = length;
  else request.summary.max_words = length;
  const title = $("title").value.trim();
  if (title) request.title = title;
  return request;
}

function showStatus(message, isError) {
  const status = $("status");
  status.textContent = message;
  status.className = isError ? "error" : "";
}

// The source text with each highlight [start, end) wrapped in <mark class="used">.
function renderSource(text, highlights) {
  const codePoints = Array.from(text);
  const spans = [...highlights].sort((a, b) => a.start - b.start);
  const container = $("source");
  container.replaceChildren();
  let position = 0;
  for (const span of spans) {
    if (span.start < position) continue; // overlapping spans: keep the first
    container.append(codePoints.slice(position, span.start).join(""));
    const mark = document.createElement("mark");
    mark.className = "used";
    mark.dataset.sentence = String(span.sentence);
    mark.title = `sentence ${span.sentence}, score ${span.score}`;
    mark.textContent = codePoints.slice(span.start, span.end).join("");
    container.append(mark);
    position = span.end;
  }
  container.append(codePoints.slice(position).join(""));
}

function renderRepaired(repaired) {
  const container = $("repaired");
  container.replaceChildren();
  for (const paragraph of (repaired || "").split(/\n\s*\n/)) {
    if (!paragraph.trim()) continue;
    const p = document.createElement("p");
    p.textContent = paragraph.trim();
    container.append(p);
  }
}

function renderResult(text, result) {
  $("headline").textContent = result.headline;
  $("summary").textContent = result.summary;
  const warnings = $("warnings");
  warnings.replaceChildren();
  for (const warning of result.warnings || []) {
    const item = document.createElement("li");
    item.textContent = warning.message;
    item.dataset.code = warning.code;
    warnings.append(item);
  }
  const total = result.timings && result.timings.total_ms;
  $("meta").textContent = `method: ${result.method}${result.model ? " (" + result.model + ")" : ""}` +
    (total !== undefined ? `, ${total.toFixed(1)} ms` : "");
  renderSource(text, result.highlights || []);
  renderRepaired(result.repaired_text);
  $("result").hidden = false;
}

async function summarise(event) {
  event.preventDefault();
  const request = buildRequest();
  if (!request.text.trim()) {
    showStatus("Paste an article first.", true);
    return;
  }
  const headers = { "Content-Type": "application/json" };
  const key = $("api-key").value.trim();
  if (key) headers.Authorization = `Bearer ${key}`;
  sessionStorage.setItem("summarizer-api-key", key);
  $("summarise").disabled = true;
  showStatus("Summarising…", false);
  try {
    const response = await fetch("/v1/summarize", { method: "POST", headers, body: JSON.stringify(request) });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = body && body.error ? `${body.error.type}: ${body.error.message}` : `HTTP ${response.status}`;
      showStatus(error, true);
      return;
    }
    renderResult(request.text, body);
    showStatus("Done.", false);
  } catch (error) {
    showStatus(`The service did not answer: ${error}`, true);
  } finally {
    $("summarise").disabled = false;
  }
}

$("api-key").value = sessionStorage.getItem("summarizer-api-key") || "";
$("request-form").addEventListener("submit", summarise);
