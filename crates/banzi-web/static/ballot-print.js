// The slips page: its print button (no inline script).
(function () {
  var b = document.getElementById('slips-print');
  if (b) { b.addEventListener('click', function () { window.print(); }); }
})();
