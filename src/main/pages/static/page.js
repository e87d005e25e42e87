// The engineers' page: SLA countdowns that tick each second, and a list that refreshes itself.
// Served as a file of its own: the page's Content-Security-Policy runs no inline script.
"use strict";

(function () {
  var loadedAt = Date.now();

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // As Countdown.text writes it on the server: "2d 03:04:05", "-00:12:30".
  function text(millis) {
    var seconds = Math.floor(Math.abs(millis) / 1000);
    var days = Math.floor(seconds / 86400);
    var clock = pad(Math.floor(seconds % 86400 / 3600)) + ":" + pad(Math.floor(seconds % 3600 / 60)) + ":" + pad(seconds % 60);
    return (millis < 0 ? "-" : "") + (days > 0 ? days + "d " : "") + clock;
  }

  // Counted from the time left when the page was made, so a browser whose clock is off still counts right.
  function tick() {
    var elapsed = Date.now() - loadedAt;
    var countdowns = document.querySelectorAll("[data-remaining-ms]");
    for (var i = 0; i < countdowns.length; i++) {
      var countdown = countdowns[i];
      var left = Number(countdown.getAttribute("data-remaining-ms")) - elapsed;
      countdown.textContent = text(left);
      if (left < 0) {
        countdown.classList.add("breached");
        countdown.classList.remove("running");
      }
    }
  }

  function refreshLater() {
    var seconds = Number(document.body.getAttribute("data-refresh-seconds"));
    if (seconds > 0) {
      window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    tick();
    window.setInterval(tick, 1000);
    refreshLater();
  });
})();
