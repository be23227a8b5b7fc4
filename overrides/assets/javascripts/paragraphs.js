// Paragraphs of the report: on a wide screen the other language is opened beside each paragraph
// (on a phone it stays one click away), and a "Cite" control copies the paragraph's citation with
// its absolute permalink, taken from the page's canonical address (site_url + page + #id).
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60em)");

  function openBeside() {
    if (!wide.matches) return;
    document.querySelectorAll("details.paragraph-other").forEach(function (d) { d.open = true; });
  }

  function permalink(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : window.location.href);
    url.hash = id;
    return url.href;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // http:// preview without the Clipboard API: a selected text area and the copy command
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".cite-button");
    if (!button) return;
    var text = button.dataset.cite + " " + permalink(button.dataset.paragraph);
    var label = button.textContent;
    copy(text).then(function () {
      button.textContent = button.dataset.done;
      button.setAttribute("data-copied", "");
      setTimeout(function () { button.textContent = label; button.removeAttribute("data-copied"); }, 2000);
    }, function () { window.prompt("", text); });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", openBeside);
  } else {
    openBeside();
  }
})();
