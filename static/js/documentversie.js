// The progress page of a version of the council PDF: ask the API every few seconds whether
// the PDF is ready, and reload the page (which then shows the download) once it is.
// A static file, no inline script: the page keeps working under a strict CSP, and without
// JavaScript the "Pagina opnieuw laden" link does the same.
(function () {
  "use strict";
  var status = document.getElementById("versie-status");
  if (!status || !status.dataset.statusUrl) {
    return;
  }
  var url = status.dataset.statusUrl;
  var pogingen = 0;
  function kijk() {
    pogingen += 1;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && (data.status === "klaar" || data.status === "mislukt")) {
          window.location.reload();
        } else if (pogingen < 120) {
          window.setTimeout(kijk, 3000);
        }
      })
      .catch(function () {
        if (pogingen < 120) {
          window.setTimeout(kijk, 10000);
        }
      });
  }
  window.setTimeout(kijk, 2000);
})();
