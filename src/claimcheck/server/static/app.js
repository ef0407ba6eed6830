// Paste-a-draft page: sends the draft to POST /v1/render and shows the HTML report below.
"use strict";

const $ = (id) => document.getElementById(id);

async function loadReferences() {
  const select = $("reference");
  try {
    const refs = await (await fetch("/v1/references")).json();
    for (const ref of refs) {
      const option = new Option(`${ref.id} (${ref.facts} Fakten)`, ref.id, ref.default, ref.default);
      select.add(option);
    }
  } catch (err) {
    showStatus("Referenzen konnten nicht geladen werden.", true);
  }
}

function showStatus(message, isError) {
  const status = $("status");
  status.textContent = message;
  status.className = isError ? "error" : "";
}

function summarise(frame) {
  const doc = frame.contentDocument;
  frame.style.height = `${doc.documentElement.scrollHeight + 20}px`;
  const badges = [...doc.querySelectorAll(".badge")].map((b) => b.textContent.trim());
  const mismatches = [...doc.querySelectorAll(".note.mismatch p:nth-of-type(2)")].map((p) => p.textContent);
  showStatus(`Ergebnis: ${badges.join(" · ")}${mismatches.length ? " – " + mismatches.join(" ") : ""}`, false);
  document.body.dataset.state = "done";
}

async function check(event) {
  event.preventDefault();
  const text = $("draft").value;
  if (!text.trim()) {
    showStatus("Bitte zuerst einen Text einfügen.", true);
    return;
  }
  const body = { text, source: "Entwurf", reference: $("reference").value || null,
                 date: $("date").value.trim() || null };
  $("submit").disabled = true;
  document.body.dataset.state = "checking";
  showStatus("Wird geprüft …", false);
  try {
    const response = await fetch("/v1/render", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (!response.ok) {
      const err = await response.json().catch(() => ({ error: { message: response.statusText } }));
      showStatus(`Fehler ${response.status}: ${err.error.message}`, true);
      document.body.dataset.state = "error";
      return;
    }
    const frame = $("report");
    frame.onload = () => summarise(frame);
    frame.hidden = false;
    frame.srcdoc = await response.text();
  } catch (err) {
    showStatus(`Dienst nicht erreichbar: ${err}`, true);
    document.body.dataset.state = "error";
  } finally {
    $("submit").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  loadReferences();
  $("check-form").addEventListener("submit", check);
  $("draft").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("check-form").requestSubmit();
  });
});
