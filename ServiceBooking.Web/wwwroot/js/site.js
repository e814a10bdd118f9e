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
})();
