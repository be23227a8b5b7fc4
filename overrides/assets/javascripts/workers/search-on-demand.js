// Material's search worker, loaded when the first message arrives rather than with the page.
// Material starts its worker (config.search in the page) on every page load and sends it the index
// once the index has been fetched; overrides/partials/search-on-demand.html holds that fetch until
// the reader opens search, so the first message comes then, and this small script is all a first
// view loads. The worker's own address comes in the query string (?material=…), so it follows
// Material's file name when Material is upgraded.
//
// If Material's worker becomes a module worker (no importScripts) or stops listening with
// addEventListener("message"), search stops answering: tests/browser/test_search.py fails.
"use strict";
var loaded = false;
addEventListener("message", function (event) {
  if (loaded) return;
  loaded = true;
  // Material's worker adds its own "message" listener as it loads; a listener added while an event
  // is being dispatched does not receive that event, so the message is dispatched again for it.
  // Its lunr language files load relative to this file, which sits in the same folder as it.
  importScripts(new URL(location.href).searchParams.get("material"));
  dispatchEvent(new MessageEvent("message", { data: event.data }));
});
