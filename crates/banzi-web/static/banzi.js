// What the pages once did in inline handlers: the content security policy runs scripts from
// files of this site only (src/headers.rs).
(function () {
  "use strict";

  // A form with data-confirm (or data-ask) asks before it is sent (removing a record,
  // opening or closing a ballot session).
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var ask = form.getAttribute &&
      (form.getAttribute("data-confirm") || form.getAttribute("data-ask"));
    if (ask && !window.confirm(ask)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);

  // A file over what the server takes is not sent at all: the reason is shown where the
  // answer would have been (the form's hx-target), in the page's language.
  document.addEventListener("htmx:confirm", function (e) {
    var form = e.detail.elt;
    if (!form.querySelectorAll) {
      return;
    }
    var inputs = form.querySelectorAll("input[type=file][data-max-bytes]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var max = Number(input.getAttribute("data-max-bytes"));
      var files = input.files || [];
      for (var j = 0; j < files.length; j++) {
        if (files[j].size > max) {
          e.preventDefault();
          var target = document.querySelector(form.getAttribute("hx-target")) || form;
          var alert = document.createElement("div");
          alert.className = "alert alert-danger";
          alert.id = "upload-too-large";
          alert.textContent = input.getAttribute("data-too-large");
          target.replaceChildren(alert);
          return;
        }
      }
    }
  });
})();
