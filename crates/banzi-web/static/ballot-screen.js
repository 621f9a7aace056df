// The meeting's big screen (R-VOTE-5): turnout per rater group, asked for every two seconds;
// results are never shown here. Once the vote is closed the count gives way to a notice that
// it is over and where its results are, and the asking stops.
(function () {
  var url = document.body.getAttribute('data-turnout');
  function pct(cast, issued) {
    return issued > 0 ? Math.round(cast * 1000 / issued) / 10 + '%' : '—';
  }
  var timer = null;
  // The badge's colour per state, as the page first drew it (pages/ballots.rs, state_view).
  var colours = { draft: 'secondary', open: 'success', closed: 'dark' };
  function show(t) {
    var badge = document.getElementById('screen-state');
    badge.textContent = t.state_name;
    badge.className = 'badge text-bg-' + (colours[t.state] || 'dark');
    if (t.state === 'closed') {
      document.getElementById('screen-live').hidden = true;
      document.getElementById('screen-closed').hidden = false;
      if (timer !== null) { clearInterval(timer); timer = null; }
      return;
    }
    document.getElementById('screen-cast').textContent = t.cast;
    document.getElementById('screen-issued').textContent = t.issued;
    var rows = document.querySelectorAll('#screen-groups tbody tr');
    for (var i = 0; i < rows.length; i++) {
      var g = null;
      for (var j = 0; j < t.groups.length; j++) {
        if (String(t.groups[j].grp) === rows[i].getAttribute('data-group')) { g = t.groups[j]; }
      }
      var cast = g ? g.cast : 0, issued = g ? g.issued : 0;
      rows[i].querySelector('.g-cast').textContent = cast;
      rows[i].querySelector('.g-issued').textContent = issued;
      rows[i].querySelector('.g-rate').textContent = pct(cast, issued);
    }
  }
  function tick() {
    var x = new XMLHttpRequest();
    x.open('GET', url);
    x.onload = function () {
      if (x.status === 200) { show(JSON.parse(x.responseText)); }
    };
    x.send();
  }
  if (document.getElementById('screen-closed').hidden) {
    tick();
    timer = setInterval(tick, 2000);
  }
})();
