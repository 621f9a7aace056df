// The roster page's upload (roster.html): the bar of the upload itself, and while it runs the
// server's own progress (the sheet being read, the rows written), asked for every 500 ms by
// triggering the stage element's `banzi-poll` (its hx-get).
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  var stage = document.getElementById("import-stage");
  if (!form || !stage) {
    return;
  }
  var timer = null;
  form.addEventListener("htmx:xhr:progress", function (e) {
    if (e.detail.lengthComputable) {
      document.getElementById("import-progress").value = e.detail.loaded / e.detail.total * 100;
    }
  });
  form.addEventListener("htmx:beforeRequest", function (e) {
    if (e.detail.elt === form && timer === null) {
      timer = window.setInterval(function () {
        window.htmx.trigger(stage, "banzi-poll");
      }, 500);
    }
  });
  form.addEventListener("htmx:afterRequest", function (e) {
    if (e.detail.elt === form) {
      window.clearInterval(timer);
      timer = null;
      stage.textContent = "";
    }
  });
})();
