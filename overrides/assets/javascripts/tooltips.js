// Tooltips for the elements with a title in the page's content (glossary terms, the Chinese source
// phrase of each figure on the targets page), one for the whole page.
//
// Material's content.tooltips feature mounts a tooltip component on every titled element at page
// load; on a page with a few hundred of them that was most of the page's blocking time on a phone.
// Material has no lazy or delegated mode, and a tooltip library would be a new vendored dependency
// for about a hundred lines, so this script listens once on the document and makes its one tooltip
// element on first use: nothing is done per element at load, however many titles a page has.
// Header and navigation controls keep the browser's own title tooltip.
(function () {
  "use strict";
  // px between the element and the tooltip, and kept free at the sides of the viewport (about
  // the 0.8rem of the stylesheet's max-width)
  var GAP = 6;
  var MARGIN = 16;
  // the tooltip element (made on first use), the element whose title it shows, and that
  // element's own aria-describedby, put back on hide
  var tip = null;
  var current = null;
  var describedBy = null;
  var hideTimer = 0;
  var lastPointer = "";

  function titled(node) {
    var el = node && node.closest ? node.closest("[title]") : null;
    return el && el.getAttribute("title") && el.closest(".md-content") ? el : null;
  }

  function inside(node) {
    return !!node && ((current && current.contains(node)) || (tip && tip.contains(node)));
  }

  function make() {
    tip = document.createElement("div");
    tip.id = "site-tooltip";
    tip.className = "site-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
  }

  // Above the element if there is room below the header, else below it; centred on the element
  // but inside the viewport, so a narrow screen never scrolls sideways.
  function place(el) {
    var lines = el.getClientRects();
    var first = lines.length ? lines[0] : el.getBoundingClientRect();
    var last = lines.length ? lines[lines.length - 1] : first;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var header = document.querySelector(".md-header");
    var ceiling = header ? header.getBoundingClientRect().bottom : 0;
    var above = first.top - GAP - height >= ceiling;
    var top = above ? first.top - GAP - height : last.bottom + GAP;
    var view = document.documentElement.clientWidth;
    var left = Math.max(0, Math.min(Math.max(MARGIN, first.left + first.width / 2 - width / 2), view - MARGIN - width));
    // the tooltip sits in <body>, which Material positions: coordinates relative to it
    var origin = document.body.getBoundingClientRect();
    tip.style.left = Math.round(left - origin.left) + "px";
    tip.style.top = Math.round(top - origin.top) + "px";
  }

  function show(el) {
    clearTimeout(hideTimer);
    if (el === current) return;
    hide();
    if (!tip) make();
    var text = el.getAttribute("title");
    // while shown, the title waits in a data attribute, so the browser does not show it a second time
    el.setAttribute("data-tooltip", text);
    el.removeAttribute("title");
    describedBy = el.getAttribute("aria-describedby");
    el.setAttribute("aria-describedby", tip.id);
    current = el;
    tip.textContent = text;
    tip.hidden = false;
    place(el);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!current) return;
    current.setAttribute("title", current.getAttribute("data-tooltip"));
    current.removeAttribute("data-tooltip");
    if (describedBy === null) {
      current.removeAttribute("aria-describedby");
    } else {
      current.setAttribute("aria-describedby", describedBy);
    }
    current = null;
    tip.hidden = true;
  }

  // A short delay lets the pointer cross the gap onto the tooltip (which can then be read and
  // selected, WCAG 1.4.13) without it closing.
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 150);
  }

  // What each event does; `capture` marks the one listened to on the way down.
  var handlers = {
    // Hover by mouse or pen; touch is handled by the click below.
    pointerover: function (event) {
      if (event.pointerType === "touch") return;
      if (inside(event.target)) {
        clearTimeout(hideTimer);
        return;
      }
      var el = titled(event.target);
      if (el) show(el);
    },
    pointerout: function (event) {
      if (event.pointerType === "touch" || !inside(event.target) || inside(event.relatedTarget)) return;
      hideSoon();
    },
    focusin: function (event) {
      var el = titled(event.target);
      if (el) show(el);
    },
    focusout: function (event) {
      if (current && current.contains(event.target)) hide();
    },
    keydown: function (event) {
      if (event.key === "Escape" || event.key === "Esc") hide();
    },
    // On a touch screen there is no hover: a tap on a glossary term that is not a link toggles
    // its tooltip, a tap anywhere else closes it (a tap on a link follows the link).
    pointerdown: function (event) {
      lastPointer = event.pointerType;
    },
    click: function (event) {
      var touch = lastPointer === "touch";
      lastPointer = "";
      if (!touch) return;
      var term = event.target.closest && event.target.closest("abbr.glossary-term");
      if (term && !term.closest("a") && term.closest(".md-content")) {
        if (term === current) {
          hide();
        } else if (term.getAttribute("title")) {
          show(term);
        }
      } else if (current && !(tip && tip.contains(event.target))) {
        hide();
      }
    }
  };

  // This script is fetched by the reader's first hover, focus or tap on a titled element
  // (partials/tooltips-on-demand.html), which queued the events until now: they are played
  // first, in order, so that first hover or tap shows its tooltip.
  var queued = window.siteTooltips;
  if (queued) queued.stop();
  Object.keys(handlers).forEach(function (type) {
    document.addEventListener(type, handlers[type], type === "pointerdown");
  });
  if (queued) queued.events.forEach(function (event) { handlers[event.type](event); });

  window.addEventListener("resize", hide);
})();
