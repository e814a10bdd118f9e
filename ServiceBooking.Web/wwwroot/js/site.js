// Site-wide behaviour. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // Antiforgery, once for every htmx request that changes something: the token from the layout's meta tag
  // travels in the header ASP.NET Core's antiforgery expects.
  document.addEventListener('htmx:configRequest', function (event) {
    if (event.detail.verb === 'get') {
      return;
    }
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers['RequestVerificationToken'] = meta.getAttribute('content');
    }
  });

  // A failed htmx request must not fail silently: show the page's generic alert if it has one. When the answer is
  // the site's error page with a message of its own (429: how long to wait), the alert says that instead.
  document.addEventListener('htmx:responseError', function (event) {
    var alert = document.querySelector('[data-htmx-error]');
    if (alert) {
      if (!alert.hasAttribute('data-default-text')) {
        alert.setAttribute('data-default-text', alert.textContent);
      }
      var message = null;
      if (event.detail.xhr.status === 429) {
        var answer = new DOMParser().parseFromString(event.detail.xhr.responseText || '', 'text/html');
        message = answer.querySelector('[data-error-message]');
      }
      alert.textContent = message ? message.textContent.trim() : alert.getAttribute('data-default-text');
      alert.classList.remove('d-none');
      alert.focus();
    }
    console.error('Request failed', event.detail.xhr.status, event.detail.pathInfo.requestPath);
  });

  // A panel that opens away from what was tapped (the booking panel sits above the grid, off screen on a phone) is
  // brought into view when new content arrives in it; when the request came from the grid, the keyboard focus follows,
  // since the panel comes before the grid and Tab would never reach it.
  document.addEventListener('htmx:load', function (event) {
    var panel = event.detail.elt;
    if (!(panel instanceof Element) || !panel.hasAttribute('data-reveal') || panel.children.length === 0) {
      return;
    }
    var box = panel.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight - 48) {
      panel.scrollIntoView({ block: 'start' });
    }
    var active = document.activeElement;
    if (!active || active === document.body || active.closest('[data-testid="slot-grid"]')) {
      var heading = panel.querySelector('h2[tabindex="-1"]');
      if (heading) {
        heading.focus({ preventScroll: true });
      }
    }
  });

  // Buttons that ask before they act: <button data-confirm="Are you sure?">.
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
    if (target && !window.confirm(target.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // Live pages (the booking grids, the work orders): a grid follows its day's server-sent-event stream (htmx SSE extension), which swaps
  // changed cells in place. While no stream is open (it failed, or is reconnecting) the grid polls instead: every
  // data-live-poll seconds it asks for itself with the ETag it was sent, and a 304 (nothing changed) changes nothing.
  var liveDown = false;
  document.addEventListener('htmx:sseOpen', function () {
    // Back after a break: what changed meanwhile was not sent, so the page asks once (a grid gets 304 if nothing did).
    var current = liveDown ? document.querySelector('[data-live-poll]') : null;
    liveDown = false;
    if (current && window.htmx) {
      window.htmx.trigger(current, 'live:poll');
    }
  });
  document.addEventListener('htmx:sseError', function () {
    liveDown = true;
  });
  (function poll() {
    var grid = document.querySelector('[data-live-poll]');
    var seconds = grid ? parseInt(grid.getAttribute('data-live-poll'), 10) || 5 : 5;
    window.setTimeout(function () {
      var current = document.querySelector('[data-live-poll]');
      if (liveDown && current && !document.hidden && window.htmx) {
        window.htmx.trigger(current, 'live:poll');
      }
      poll();
    }, seconds * 1000);
  })();
  document.addEventListener('htmx:configRequest', function (event) {
    var etag = event.detail.elt instanceof Element ? event.detail.elt.getAttribute('data-etag') : null;
    if (etag && event.detail.verb === 'get') {
      event.detail.headers['If-None-Match'] = etag;
    }
  });
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 304) {
      event.detail.shouldSwap = false;
    }
  });

  // A cell that changes under the keyboard focus is replaced: the focus stays on the same cell (its button when it
  // has one), instead of falling back to the top of the page. The polite note beside the grid says what changed.
  var refocus = null;
  document.addEventListener('htmx:oobBeforeSwap', function (event) {
    var target = event.detail.target;
    if (target instanceof Element && target.matches('[data-testid="slot"]') && target.contains(document.activeElement)) {
      refocus = { time: target.getAttribute('data-time'), advisor: target.getAttribute('data-advisor') };
    }
  });
  document.addEventListener('htmx:sseMessage', function () {
    if (!refocus || (document.activeElement && document.activeElement !== document.body)) {
      refocus = null;
      return;
    }
    var cell = document.querySelector('[data-testid="slot"][data-time="' + refocus.time + '"][data-advisor="' + refocus.advisor + '"]');
    refocus = null;
    if (cell) {
      var control = cell.querySelector('button, a');
      if (!control) {
        cell.setAttribute('tabindex', '-1');
        control = cell;
      }
      control.focus({ preventScroll: true });
    }
  });
})();
