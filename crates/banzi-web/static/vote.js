/* The voter's phone page (/v#CODE), DOMAIN.md M5.
 *
 * The code is read from the address's fragment, which no request carries, and sent only in
 * the JSON bodies of POST /v/open and POST /v/cast. Each submission carries a nonce of 128
 * random bits kept in sessionStorage under the code, so a retry after a network failure is
 * the same submission and the server answers "already_recorded" instead of refusing a used
 * code (R-VOTE-4).
 *
 * Plain ES2017 for old in-app browsers (WeChat): no modules, no `?.`, no `??`, no object
 * spread. Every text comes from the server (data-texts), in the reader's language; names
 * and messages are put in with textContent, never as HTML.
 */
(function () {
  'use strict';

  var root = document.getElementById('vote');
  var texts = {};
  try {
    texts = JSON.parse(root.getAttribute('data-texts')) || {};
  } catch (e) {
    texts = {};
  }

  function t(key) {
    return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  }

  /* A text with its {max}, {n} … filled in. */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /* As the server reads it: letters and digits, upper case. */
  function readCode() {
    var h = location.hash.replace(/^#/, '');
    try {
      h = decodeURIComponent(h);
    } catch (e) {
      /* keep it as it is */
    }
    return h.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  }

  var code = readCode();
  var nonceKey = 'banzi-vote-nonce:' + code;
  var session = null; /* the answer of /v/open */
  var pending = null; /* the body of the submission, sent again as is by "retry" */
  var sent = 0; /* how many times this page load sent it */
  var retryAction = null;

  /* Made once, kept for this tab: a reload or a retry sends the same nonce. */
  function nonce() {
    var n = null;
    try {
      n = sessionStorage.getItem(nonceKey);
    } catch (e) {
      n = null;
    }
    if (!n || !/^[0-9a-f]{32}$/.test(n)) {
      var b = new Uint8Array(16);
      window.crypto.getRandomValues(b);
      n = Array.prototype.map
        .call(b, function (x) {
          return (x < 16 ? '0' : '') + x.toString(16);
        })
        .join('');
      try {
        sessionStorage.setItem(nonceKey, n);
      } catch (e) {
        /* private mode: the nonce lives as long as the page */
      }
    }
    return n;
  }

  function status(text, kind) {
    var s = $('vote-status');
    s.textContent = text || '';
    s.className = 'status' + (kind ? ' ' + kind : '');
  }

  function offerRetry(action) {
    retryAction = action;
    $('vote-retry').hidden = false;
  }

  $('vote-retry').addEventListener('click', function () {
    $('vote-retry').hidden = true;
    if (retryAction) retryAction();
  });

  /* Resolves to {status, data}: data is the JSON answer, or {error: text} when the answer
   * is not JSON (a refusal in front of the handler, a portal page). Rejects on a network
   * failure or after 20 s without an answer. */
  function post(url, body) {
    var opts = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer'
    };
    var timer = null;
    if (window.AbortController) {
      var ctl = new AbortController();
      opts.signal = ctl.signal;
      timer = setTimeout(function () {
        ctl.abort();
      }, 20000);
    }
    return fetch(url, opts).then(
      function (r) {
        return r.text().then(function (text) {
          if (timer) clearTimeout(timer);
          var data = null;
          try {
            data = JSON.parse(text);
          } catch (e) {
            data = null;
          }
          if (!data || typeof data !== 'object') data = { error: text.slice(0, 300) };
          return { status: r.status, data: data };
        });
      },
      function (e) {
        if (timer) clearTimeout(timer);
        throw e;
      }
    );
  }

  /* ---- opening the code ---- */

  function load() {
    if (!code) {
      /* Opened without a slip's QR code: the code printed on the slip can be typed. */
      status(t('vote.no_code'), 'bad');
      var entry = $('vote-code-entry');
      entry.hidden = false;
      entry.addEventListener('submit', function (e) {
        e.preventDefault();
        var typed = $('code-input').value.replace(/[^0-9A-Za-z]/g, '');
        if (typed) location.hash = typed;
      });
      $('code-input').focus();
      return;
    }
    status(t('vote.loading'));
    var kept = null;
    try {
      kept = sessionStorage.getItem(nonceKey);
    } catch (e) {
      /* private mode: nothing kept */
    }
    post('/v/open', kept ? { code: code, nonce: kept } : { code: code }).then(
      function (r) {
        if (r.status >= 500 || (r.status === 200 && !r.data.title)) {
          status(t('vote.network'), 'bad');
          offerRetry(load);
        } else if (r.status !== 200) {
          status(r.data.error, 'bad');
        } else {
          opened(r.data);
        }
      },
      function () {
        status(t('vote.network'), 'bad');
        offerRetry(load);
      }
    );
  }

  function opened(s) {
    session = s;
    $('vote-title').textContent = s.title;
    var meta = $('vote-meta');
    meta.textContent =
      t('vote.meeting_date') + t('p.colon') + s.meeting_date + ' \u00b7 ' +
      t('vote.group') + t('p.colon') + s.group;
    meta.hidden = false;
    if (s.used && s.recorded) {
      /* This phone's own submission, whose answer it never got (R-VOTE-4). */
      status(t('vote.already_recorded'), 'ok');
    } else if (s.used) {
      status(t('vote.used'), 'bad');
    } else if (s.state === 'draft') {
      status(t('vote.not_open'));
      offerRetry(load);
    } else if (s.state !== 'open') {
      status(t('vote.closed'), 'bad');
    } else {
      status('');
      render();
    }
  }

  /* ---- the questions ---- */

  function render() {
    var box = $('questions');
    box.textContent = '';
    session.questions.forEach(function (q, i) {
      var fs = el('fieldset', 'q');
      fs.id = 'q-' + i;
      var legend = el('legend', null, i + 1 + '. ' + q.title);
      legend.appendChild(el('span', 'kind', q.kind_label));
      fs.appendChild(legend);
      if (q.kind === 'recommend') renderPicks(fs, q, i);
      else renderMarks(fs, q, i);
      var err = el('p', 'error');
      err.id = 'q-' + i + '-error';
      err.setAttribute('role', 'alert');
      err.hidden = true;
      fs.appendChild(err);
      fs.addEventListener('change', function () {
        light(fs);
        check(i);
      });
      fs.addEventListener('input', function () {
        check(i);
      });
      box.appendChild(fs);
    });
    $('vote-form').hidden = false;
  }

  function renderPicks(fs, q, i) {
    fs.appendChild(el('p', 'hint', fill(t('vote.max_hint'), { max: q.max })));
    q.options.forEach(function (name, k) {
      var label = el('label', 'choice');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'q' + i;
      box.value = String(k);
      box.id = 'q-' + i + '-o-' + k;
      label.appendChild(box);
      label.appendChild(document.createTextNode(name));
      fs.appendChild(label);
    });
    if (q.write_ins) {
      fs.appendChild(el('p', 'hint', t('vote.write_ins')));
      for (var w = 0; w < q.max; w++) {
        var input = document.createElement('input');
        input.type = 'text';
        input.className = 'write-in';
        input.id = 'q-' + i + '-w-' + w;
        input.maxLength = 20;
        input.autocomplete = 'off';
        input.placeholder = t('vote.write_in_placeholder');
        fs.appendChild(input);
      }
    }
  }

  function renderMarks(fs, q, i) {
    q.options.forEach(function (name, k) {
      var row = el('div', 'option');
      row.appendChild(el('div', 'name', name));
      var marks = el('div', 'marks n' + q.marks.length);
      marks.setAttribute('role', 'radiogroup');
      marks.setAttribute('aria-label', name);
      q.marks.forEach(function (mark, m) {
        var label = el('label', 'mark');
        var radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'q' + i + '-' + k;
        radio.value = String(m);
        radio.id = 'q-' + i + '-o-' + k + '-m-' + m;
        label.appendChild(radio);
        label.appendChild(el('span', null, mark));
        marks.appendChild(label);
      });
      row.appendChild(marks);
      fs.appendChild(row);
    });
  }

  /* Highlights the ticked names. */
  function light(fs) {
    var boxes = fs.querySelectorAll('input[type=checkbox]');
    for (var n = 0; n < boxes.length; n++) {
      boxes[n].parentNode.className = boxes[n].checked ? 'choice on' : 'choice';
    }
  }

  /* The answer to question i in the form the server reads. */
  function answer(i) {
    var q = session.questions[i];
    var fs = $('q-' + i);
    if (q.kind === 'recommend') {
      var picks = [];
      var boxes = fs.querySelectorAll('input[type=checkbox]');
      for (var n = 0; n < boxes.length; n++) {
        if (boxes[n].checked) picks.push(Number(boxes[n].value));
      }
      var writeIns = [];
      var inputs = fs.querySelectorAll('input.write-in');
      for (var w = 0; w < inputs.length; w++) {
        var v = inputs[w].value.trim();
        if (v) writeIns.push(v);
      }
      return { picks: picks, write_ins: writeIns };
    }
    return {
      marks: q.options.map(function (name, k) {
        var on = fs.querySelector('input[name="q' + i + '-' + k + '"]:checked');
        return on ? Number(on.value) : null;
      })
    };
  }

  function questionError(i, text) {
    var e = $('q-' + i + '-error');
    if (!e) return;
    e.textContent = text || '';
    e.hidden = !text;
    $('q-' + i).className = text ? 'q invalid' : 'q';
  }

  function formError(text) {
    var e = $('form-error');
    e.textContent = text || '';
    e.hidden = !text;
  }

  /* R-VOTE-5 before anything is sent: no more names than the question allows. */
  function check(i) {
    var q = session.questions[i];
    if (q.kind !== 'recommend') return true;
    var a = answer(i);
    var n = a.picks.length + a.write_ins.length;
    var over = n > q.max;
    questionError(i, over ? fill(t('vote.too_many'), { max: q.max, n: n }) : '');
    if (!over && !document.querySelector('.q.invalid')) formError('');
    return !over;
  }

  function firstInvalid(bad) {
    formError(t('vote.fix_errors'));
    var fs = $('q-' + bad);
    if (fs && fs.scrollIntoView) fs.scrollIntoView();
  }

  $('vote-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var bad = -1;
    session.questions.forEach(function (q, i) {
      if (!check(i) && bad < 0) bad = i;
    });
    if (bad >= 0) {
      firstInvalid(bad);
      return;
    }
    formError('');
    var ballot = session.questions.map(function (q, i) {
      return answer(i);
    });
    summary(ballot, $('confirm-summary'));
    $('vote-form').hidden = true;
    $('vote-confirm').hidden = false;
    window.scrollTo(0, 0);
    pending = { code: code, nonce: null, ballot: ballot };
  });

  $('vote-back').addEventListener('click', function () {
    $('vote-confirm').hidden = true;
    $('vote-form').hidden = false;
    pending = null;
  });

  /* What will be (or was) recorded, question by question. */
  function summary(ballot, box) {
    box.textContent = '';
    var dl = el('dl');
    session.questions.forEach(function (q, i) {
      dl.appendChild(el('dt', null, i + 1 + '. ' + q.title));
      var a = ballot[i];
      if (q.kind === 'recommend') {
        var names = a.picks
          .map(function (k) {
            return q.options[k];
          })
          .concat(a.write_ins);
        dl.appendChild(el('dd', null, names.length ? names.join(t('p.list')) : t('vote.none_chosen')));
      } else {
        q.options.forEach(function (name, k) {
          var m = a.marks[k];
          dl.appendChild(el('dd', null, name + t('p.colon') + (m === null ? t('vote.unmarked') : q.marks[m])));
        });
      }
    });
    box.appendChild(dl);
  }

  /* ---- the submission ---- */

  $('vote-submit').addEventListener('click', function () {
    if (!pending) return;
    pending.nonce = nonce();
    send();
  });

  function send() {
    var first = sent === 0;
    sent += 1;
    $('vote-submit').disabled = true;
    $('vote-back').disabled = true;
    status(t('vote.sending'));
    post('/v/cast', pending).then(
      function (r) {
        var result = r.status === 200 ? r.data.result : null;
        if (result === 'recorded') done(t('vote.recorded'), true);
        /* Recorded by an earlier send of this page: the summary is what was recorded. */
        else if (result === 'already_recorded') done(t('vote.already_recorded'), !first);
        /* No answer of ours (a server failure, a portal page): it may be in. */
        else if (r.status >= 500 || r.status < 400) inDoubt();
        else refused(r.status, r.data);
      },
      inDoubt
    );
  }

  /* No answer: the ballot may or may not be in. Only the same submission may follow. */
  function inDoubt() {
    status(t('vote.network'), 'bad');
    $('vote-submit').hidden = true;
    $('vote-back').hidden = true;
    offerRetry(send);
  }

  function done(text, withSummary) {
    try {
      sessionStorage.removeItem(nonceKey);
    } catch (e) {
      /* nothing kept */
    }
    status(text, 'ok');
    $('vote-confirm').hidden = true;
    $('vote-form').hidden = true;
    if (withSummary) {
      summary(pending.ballot, $('done-summary'));
      $('vote-done').hidden = false;
    }
  }

  function refused(httpStatus, data) {
    $('vote-confirm').hidden = true;
    $('vote-submit').disabled = false;
    $('vote-back').disabled = false;
    $('vote-submit').hidden = false;
    $('vote-back').hidden = false;
    if (httpStatus !== 422) {
      /* Used, voided, closed, unknown: nothing more to do on this page. */
      $('vote-form').hidden = true;
      status(data.error, 'bad');
      return;
    }
    /* Refused as it stands; the code is still unused: back to the form. */
    status('');
    $('vote-form').hidden = false;
    var bad = -1;
    var other = [];
    (data.fields || []).forEach(function (f) {
      var m = /^questions\.(\d+)$/.exec(f.field);
      if (m && $('q-' + m[1])) {
        questionError(Number(m[1]), f.message);
        if (bad < 0 || Number(m[1]) < bad) bad = Number(m[1]);
      } else {
        other.push(f.message);
      }
    });
    if (bad >= 0 && !other.length) firstInvalid(bad);
    else formError(other.length ? other.join('\n') : data.error);
  }

  /* The language links come back to this ballot: the fragment outlives the redirect. */
  var langs = document.querySelectorAll('a.lang');
  for (var n = 0; n < langs.length; n++) {
    langs[n].setAttribute('href', langs[n].getAttribute('href') + location.hash);
  }

  /* Another slip scanned into this tab: start over with its code. */
  window.addEventListener('hashchange', function () {
    location.reload();
  });

  load();
})();
