// The LRMX upload on the roster page (roster.html, lrmx_preview.html): the first send is a
// preview; the preview's 确认导入 asks, then sends the same file again with the preview's
// digest, so the server writes exactly what was shown. Choosing another file starts over.
(function () {
  "use strict";
  var form = document.getElementById("lrmx-form");
  if (!form) {
    return;
  }
  var digest = document.getElementById("lrmx-digest");
  var file = document.getElementById("lrmx-file");
  file.addEventListener("change", function () {
    digest.value = "";
    document.getElementById("lrmx-result").replaceChildren();
  });
  // A digest is sent once: the next send of the form is a preview again.
  form.addEventListener("htmx:afterRequest", function () {
    digest.value = "";
  });
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("#lrmx-confirm");
    if (!button) {
      return;
    }
    if (!window.confirm(form.getAttribute("data-ask-confirm"))) {
      return;
    }
    digest.value = button.getAttribute("data-digest");
    button.disabled = true;
    window.htmx.trigger(form, "submit");
  });
})();
