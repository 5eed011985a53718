// Refreshes the status page's content every few seconds without reloading the page: the server renders the
// fragment (escaped HTML with SVG charts); this script only swaps it in. No framework, nothing from a CDN.
(function () {
  'use strict';
  var EVERY_MS = 5000;
  var content = document.getElementById('content');
  var label = document.getElementById('refresh');
  if (!content || !window.fetch) {
    return;
  }
  function tick() {
    fetch('fragment', {cache: 'no-store', credentials: 'same-origin'})
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.text();
      })
      .then(function (html) {
        content.innerHTML = html;
        label.textContent = 'updated ' + new Date().toLocaleTimeString();
        label.className = 'refresh';
      })
      .catch(function (e) {
        label.textContent = 'refresh failed (' + e.message + '), retrying';
        label.className = 'refresh bad';
      })
      .then(function () {
        setTimeout(tick, EVERY_MS);
      });
  }
  setTimeout(tick, EVERY_MS);
}());
