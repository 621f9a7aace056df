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

  // The unit picker (templates/unit_picker.html): what is typed is looked up at /unit-pick
  // (a part of the name, its pinyin or the code); choosing a unit puts its code in the
  // hidden field. Typing again clears the choice: a filter is never left on a unit the
  // field no longer names. A form is not sent while its picker holds text no unit was
  // chosen for; the list opens instead.
  function pickerParts(box) {
    return {
      box: box,
      code: box.querySelector("input[type=hidden]"),
      text: box.querySelector(".unit-picker-text"),
      list: box.querySelector(".unit-picker-list")
    };
  }

  function closeList(p) {
    p.list.hidden = true;
    p.text.setAttribute("aria-expanded", "false");
  }

  function choose(p, code, name) {
    p.code.value = code;
    p.box.setAttribute("data-sent", code);
    p.text.value = name;
    p.text.classList.remove("is-invalid");
    closeList(p);
    p.code.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function note(p, text) {
    var d = document.createElement("div");
    d.className = "list-group-item small text-muted unit-picker-note";
    d.textContent = text;
    return d;
  }

  function lookUp(p) {
    var q = p.text.value.trim();
    if (!q) {
      closeList(p);
      return;
    }
    var asked = q;
    fetch(p.box.getAttribute("data-source") + "?q=" + encodeURIComponent(q), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (r) {
      if (!r.ok) {
        throw new Error(String(r.status));
      }
      return r.json();
    }).then(function (answer) {
      if (p.text.value.trim() !== asked) {
        return;
      }
      var items = [];
      answer.items.forEach(function (u, i) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "list-group-item list-group-item-action unit-picker-item" + (i === 0 ? " active" : "");
        b.setAttribute("role", "option");
        b.setAttribute("data-code", u.code);
        b.setAttribute("data-name", u.name);
        var name = document.createElement("span");
        name.textContent = u.name;
        var where = document.createElement("small");
        where.className = "ms-2 opacity-75";
        where.textContent = u.detail;
        b.appendChild(name);
        b.appendChild(where);
        items.push(b);
      });
      if (!items.length) {
        items.push(note(p, p.box.getAttribute("data-none")));
      }
      if (answer.more) {
        items.push(note(p, p.box.getAttribute("data-more")));
      }
      p.list.replaceChildren.apply(p.list, items);
      p.list.hidden = false;
      p.text.setAttribute("aria-expanded", "true");
    }).catch(function () {
      p.list.replaceChildren(note(p, p.box.getAttribute("data-failed")));
      p.list.hidden = false;
    });
  }

  var pickerTimer = null;
  document.addEventListener("input", function (e) {
    var box = e.target.closest && e.target.closest("[data-unit-picker]");
    if (!box || !e.target.classList.contains("unit-picker-text")) {
      return;
    }
    var p = pickerParts(box);
    // Text typed clears the choice quietly (the form is not sent half typed); an emptied
    // field is a choice of its own, every unit, and is sent like any other change.
    if (box.getAttribute("data-sent") === null) {
      box.setAttribute("data-sent", p.code.defaultValue);
    }
    p.code.value = "";
    if (!p.text.value.trim() && box.getAttribute("data-sent") !== "") {
      box.setAttribute("data-sent", "");
      p.code.dispatchEvent(new Event("change", { bubbles: true }));
    }
    clearTimeout(pickerTimer);
    pickerTimer = setTimeout(function () { lookUp(p); }, 150);
  });

  // The text field's own change (on leaving it) is not the form's: only a choice is.
  document.addEventListener("change", function (e) {
    if (e.target.classList && e.target.classList.contains("unit-picker-text")) {
      e.stopPropagation();
    }
  }, true);

  // mousedown, not click: the text field keeps the focus, so the list is not closed first.
  document.addEventListener("mousedown", function (e) {
    var item = e.target.closest && e.target.closest(".unit-picker-item");
    if (item) {
      e.preventDefault();
      choose(pickerParts(item.closest("[data-unit-picker]")), item.getAttribute("data-code"), item.getAttribute("data-name"));
    }
  });

  document.addEventListener("keydown", function (e) {
    if (!e.target.classList || !e.target.classList.contains("unit-picker-text")) {
      return;
    }
    var p = pickerParts(e.target.closest("[data-unit-picker]"));
    var items = Array.prototype.slice.call(p.list.querySelectorAll(".unit-picker-item"));
    var at = items.findIndex(function (b) { return b.classList.contains("active"); });
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && items.length && !p.list.hidden) {
      e.preventDefault();
      var next = e.key === "ArrowDown" ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      items.forEach(function (b, i) { b.classList.toggle("active", i === next); });
    } else if (e.key === "Enter" && !p.list.hidden && items.length) {
      e.preventDefault();
      var b = items[Math.max(at, 0)];
      choose(p, b.getAttribute("data-code"), b.getAttribute("data-name"));
    } else if (e.key === "Escape") {
      closeList(p);
    }
  });

  document.addEventListener("focusout", function (e) {
    if (e.target.classList && e.target.classList.contains("unit-picker-text")) {
      closeList(pickerParts(e.target.closest("[data-unit-picker]")));
    }
  });

  document.addEventListener("submit", function (e) {
    var boxes = e.target.querySelectorAll ? e.target.querySelectorAll("[data-unit-picker]") : [];
    for (var i = 0; i < boxes.length; i++) {
      var p = pickerParts(boxes[i]);
      if (p.text.value.trim() && !p.code.value) {
        e.preventDefault();
        e.stopPropagation();
        p.text.classList.add("is-invalid");
        p.text.focus();
        lookUp(p);
        return;
      }
    }
  }, true);
})();
