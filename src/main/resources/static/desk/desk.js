// The desk's only script besides htmx. The editor key lives in this tab's sessionStorage (gone
// when the tab closes, never in a cookie) and goes out as X-Api-Key on desk writes only.
(function () {
  'use strict';
  var STORE = 'newsdesk.editorKey';

  function key() {
    try { return sessionStorage.getItem(STORE); } catch (e) { return null; }
  }

  function showState() {
    var state = document.getElementById('key-state');
    var forget = document.getElementById('forget-key');
    if (!state) { return; }
    var has = !!key();
    state.textContent = has ? 'Key set for this tab: changes allowed.' : 'No key: reading only.';
    if (forget) { forget.hidden = !has; }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('key-form');
    var input = document.getElementById('editor-key');
    var forget = document.getElementById('forget-key');
    if (form && input) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var value = input.value.trim();
        if (value) { sessionStorage.setItem(STORE, value); }
        input.value = '';
        showState();
      });
    }
    if (forget) {
      forget.addEventListener('click', function () {
        sessionStorage.removeItem(STORE);
        showState();
      });
    }
    showState();
  });

  // Writes are marked data-write; reads never carry the key.
  document.addEventListener('htmx:configRequest', function (event) {
    var elt = event.detail.elt;
    if (elt && elt.closest && elt.closest('[data-write]')) {
      var k = key();
      if (k) { event.detail.headers['X-Api-Key'] = k; }
    }
  });
})();
