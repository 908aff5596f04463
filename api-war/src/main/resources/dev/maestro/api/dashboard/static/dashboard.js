// Makes an unfinished checkout's page live: the server-rendered page works without this file.
// The page names its event stream in data-live; on each node event the page is fetched again
// and its <main> swapped in. EventSource reconnects by itself, sending the last event id, from
// which the server resumes.
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main || !main.dataset.live || !window.EventSource || !window.fetch) {
    return;
  }
  var source = new EventSource(main.dataset.live + '?since=' + encodeURIComponent(main.dataset.since || ''));
  var busy = false;
  var again = false;

  function openDetails(root) {
    var open = {};
    root.querySelectorAll('details[open] > summary a.node-name').forEach(function (a) {
      open[a.getAttribute('href')] = true;
    });
    return open;
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
    if (!fresh) {
      return;
    }
    // Keeps what the reader opened open.
    var open = openDetails(main);
    fresh.querySelectorAll('details > summary a.node-name').forEach(function (a) {
      if (open[a.getAttribute('href')]) {
        a.parentNode.parentNode.open = true;
      }
    });
    main.replaceWith(fresh);
    main = fresh;
    document.documentElement.dataset.liveUpdates = String(Number(document.documentElement.dataset.liveUpdates || 0) + 1);
    if (!fresh.dataset.live) {
      source.close();
    }
  }

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) { if (html) { swap(html); } })
      .catch(function () { /* the next node event tries again */ })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          window.setTimeout(refresh, 250);
        }
      });
  }

  source.addEventListener('node', refresh);
  window.addEventListener('pagehide', function () { source.close(); });
}());
