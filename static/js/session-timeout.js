/*
 * Session timeout warning (WCAG 2.2.1) and the hand-off to the provider after logout.
 *
 * Markup: templates/accounts/session_timeout.html renders
 *   <div id="session-timeout" data-timeout-seconds data-warning-seconds data-extend-url
 *        data-status-url data-expired-url data-logout-url data-csrf-token>
 *     <dialog role="alertdialog"> … [data-session-timeout-extend] button, logout form … </dialog>
 *   </div>
 * Only data-timeout-seconds (or data-idle-seconds), data-warning-seconds and data-extend-url
 * are required; without a <dialog> inside, a plain one is built. Without this script the
 * pages work the same: the server ends an idle session on its own.
 *
 * A page with <form data-session-handoff> (accounts/logout_provider.html) is submitted at once.
 * This file is loaded with <script defer>: the DOM is parsed when it runs. No inline script:
 * the Content Security Policy forbids it.
 */
(function () {
  "use strict";

  var MARGIN = 5; // seconds of tolerance between the browser's and the server's clocks

  function submitHandoff() {
    var form = document.querySelector("form[data-session-handoff]");
    if (form) {
      form.submit();
    }
  }

  function csrfToken(root) {
    if (root.dataset.csrfToken) {
      return root.dataset.csrfToken;
    }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // Only for markup without the dialog of accounts/session_timeout.html.
  function buildDialog(root, warningSeconds) {
    var minutes = Math.max(1, Math.ceil(warningSeconds / 60));
    var dialog = element("dialog", "utrecht-alert-dialog utrecht-alert-dialog--warning");
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "session-timeout-title");
    dialog.setAttribute("aria-describedby", "session-timeout-message");
    var title = element("h2", "utrecht-heading-2", "Wilt u ingelogd blijven?");
    title.id = "session-timeout-title";
    var message = element(
      "p",
      "utrecht-paragraph",
      "U heeft een tijd niets gedaan. Over " + minutes + (minutes === 1 ? " minuut" : " minuten") +
        " wordt u automatisch uitgelogd. Zo blijven uw gegevens veilig."
    );
    message.id = "session-timeout-message";
    var extend = element("button", "utrecht-button utrecht-button--primary-action", "Ingelogd blijven");
    extend.type = "button";
    extend.setAttribute("data-session-timeout-extend", "");
    var buttons = element("div", "utrecht-button-group");
    buttons.appendChild(extend);
    if (root.dataset.logoutUrl) {
      var form = element("form");
      form.method = "post";
      form.action = root.dataset.logoutUrl;
      var token = element("input");
      token.type = "hidden";
      token.name = "csrfmiddlewaretoken";
      token.value = csrfToken(root);
      var logout = element("button", "utrecht-button utrecht-button--secondary-action", "Uitloggen");
      logout.type = "submit";
      form.appendChild(token);
      form.appendChild(logout);
      buttons.appendChild(form);
    }
    dialog.appendChild(title);
    dialog.appendChild(message);
    dialog.appendChild(buttons);
    root.appendChild(dialog);
    return dialog;
  }

  function start(root) {
    var idle = Number(root.dataset.timeoutSeconds || root.dataset.idleSeconds);
    var warn = Number(root.dataset.warningSeconds);
    if (!(idle > 0) || !root.dataset.extendUrl) {
      return;
    }
    if (!(warn > 0) || warn >= idle) {
      warn = Math.floor(idle / 2);
    }
    var dialog = root.querySelector("dialog") || buildDialog(root, warn);
    if (typeof dialog.showModal !== "function") {
      return; // a browser without <dialog>: the server still ends the session
    }
    var extendButton = dialog.querySelector("[data-session-timeout-extend]");
    var timers = [];
    var previousFocus = null;
    var busy = false;

    function clearTimers() {
      timers.forEach(window.clearTimeout);
      timers = [];
    }

    function schedule(secondsLeft) {
      clearTimers();
      timers.push(window.setTimeout(warnUnlessRenewed, Math.max(0, secondsLeft - warn) * 1000));
      timers.push(window.setTimeout(expireUnlessRenewed, secondsLeft * 1000));
    }

    // Another tab may have kept the session alive: ask the server (this does not renew it).
    function serverSecondsLeft() {
      if (!root.dataset.statusUrl) {
        return Promise.reject(new Error("no status URL"));
      }
      return window
        .fetch(root.dataset.statusUrl, {
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json" },
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("status " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          return Number(data.seconds_left) || 0;
        });
    }

    function open() {
      if (dialog.open) {
        return;
      }
      previousFocus = document.activeElement;
      root.hidden = false;
      dialog.showModal();
      (extendButton || dialog).focus();
    }

    function close() {
      if (!dialog.open) {
        return;
      }
      dialog.close();
      if (previousFocus && typeof previousFocus.focus === "function") {
        previousFocus.focus();
      }
    }

    function expire() {
      clearTimers();
      var here = window.location.pathname + window.location.search;
      if (root.dataset.expiredUrl) {
        window.location.assign(root.dataset.expiredUrl + "?next=" + encodeURIComponent(here));
      } else {
        window.location.reload(); // the server ends the idle session and shows the login page
      }
    }

    function warnUnlessRenewed() {
      serverSecondsLeft().then(function (left) {
        if (left > warn + MARGIN) {
          schedule(left);
        } else {
          open();
        }
      }, open);
    }

    function expireUnlessRenewed() {
      serverSecondsLeft().then(function (left) {
        if (left > MARGIN) {
          close();
          schedule(left);
        } else if (left > 0) {
          clearTimers();
          timers.push(window.setTimeout(expire, (left + 1) * 1000));
        } else {
          expire();
        }
      }, expire);
    }

    function extend() {
      if (busy) {
        return;
      }
      busy = true;
      window
        .fetch(root.dataset.extendUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(root) },
        })
        .then(
          function (response) {
            busy = false;
            if (response.status === 204) {
              close();
              schedule(idle);
            } else {
              expire(); // the session had already ended
            }
          },
          function () {
            busy = false;
            expire();
          }
        );
    }

    if (extendButton) {
      extendButton.addEventListener("click", extend);
    }
    // Escape closes a modal dialog; the resident is clearly there, so it keeps them logged in.
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      extend();
    });
    // Timers in background tabs are throttled: check again when the tab comes back.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState !== "visible") {
        return;
      }
      serverSecondsLeft().then(function (left) {
        if (left <= 0) {
          expire();
          return;
        }
        if (left > warn + MARGIN) {
          close();
        }
        schedule(left);
      }, function () {});
    });
    schedule(idle);
  }

  submitHandoff();
  var root = document.getElementById("session-timeout");
  if (root) {
    start(root);
  }
})();
