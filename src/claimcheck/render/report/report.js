// claimcheck editor's report: show a claim's record (on click, Enter or focus), filter by status and kind.
// Everything it shows is already in the page (escaped by the renderer); it only toggles
// `hidden`, classes and ARIA state, and never builds HTML from text.
(() => {
  "use strict";
  const claims = Array.from(document.querySelectorAll("#article .claim"));
  const items = Array.from(document.querySelectorAll("#claim-list li"));
  const records = Array.from(document.querySelectorAll("#records .record"));
  const hint = document.getElementById("record-empty");
  const shown = document.getElementById("shown");
  const boxes = Array.from(document.querySelectorAll("#filters input[type=checkbox]"));
  let selected = null;
  let quiet = false; // true while Escape hands focus back to the claim it closed

  records.forEach((record) => { record.hidden = true; });
  hint.hidden = false;

  function show(claim) {
    if (selected) {
      selected.setAttribute("aria-expanded", "false");
      document.getElementById(selected.getAttribute("aria-controls")).hidden = true;
    }
    hint.hidden = true;
    document.getElementById(claim.getAttribute("aria-controls")).hidden = false;
    claim.setAttribute("aria-expanded", "true");
    items.forEach((item) => {
      const link = item.querySelector("a");
      if (link.getAttribute("href") === "#" + claim.id) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
    selected = claim;
  }

  claims.forEach((claim) => {
    claim.addEventListener("click", () => show(claim));
    claim.addEventListener("focus", () => { if (!quiet && !claim.classList.contains("muted")) show(claim); });
  });
  items.forEach((item) => {
    item.querySelector("a").addEventListener("click", (event) => {
      const claim = document.getElementById(event.currentTarget.getAttribute("href").slice(1));
      event.preventDefault();
      claim.scrollIntoView({ block: "center" });
      claim.focus({ preventScroll: true });
      show(claim);
    });
  });

  function filter() {
    const off = new Set(boxes.filter((box) => !box.checked).map((box) => box.name + ":" + box.value));
    const hidden = (element) =>
      off.has("status:" + element.dataset.status) || off.has("kind:" + element.dataset.kind);
    claims.forEach((claim) => {
      const out = hidden(claim);
      claim.classList.toggle("muted", out);
      claim.tabIndex = out ? -1 : 0;
    });
    let count = 0;
    items.forEach((item) => {
      item.hidden = hidden(item);
      if (!item.hidden) count += 1;
    });
    shown.textContent = count + " of " + items.length + " claims shown";
  }

  boxes.forEach((box) => box.addEventListener("change", filter));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && selected) {
      const claim = selected;
      document.getElementById(claim.getAttribute("aria-controls")).hidden = true;
      claim.setAttribute("aria-expanded", "false");
      hint.hidden = false;
      selected = null;
      quiet = true;
      claim.focus();
      quiet = false;
    }
  });
})();
