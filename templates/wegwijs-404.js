// The "page not found" at the site's root (404.html): shows the message in the visitor's language, the first of
// navigator.languages the site has (by code, then by its first subtag), and lists the other languages' ways
// back under it. Without JavaScript every language's message shows. No requests, no dependencies.
(function () {
  "use strict";
  var sections = document.querySelectorAll(".not-found-language");
  var codes = Array.prototype.map.call(sections, function (section) { return section.getAttribute("data-lang"); });
  var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""]);
  var chosen = null;
  for (var i = 0; i < wanted.length && chosen === null; i++) {
    var code = String(wanted[i]).toLowerCase();
    for (var pass = 0; pass < 2 && chosen === null; pass++) {
      for (var j = 0; j < codes.length; j++) {
        var candidate = codes[j].toLowerCase();
        if (pass === 0 ? candidate === code : candidate.split("-")[0] === code.split("-")[0]) { chosen = j; break; }
      }
    }
  }
  if (chosen === null) { chosen = 0; }
  for (var k = 0; k < sections.length; k++) {
    // The visitor's language is the page's, its heading the one h1; the others are hidden, linked below.
    var heading = sections[k].querySelector("h1, h2");
    var level = k === chosen ? "H1" : "H2";
    if (heading.tagName !== level) {
      var replacement = document.createElement(level);
      replacement.id = heading.id;
      replacement.textContent = heading.textContent;
      heading.parentNode.replaceChild(replacement, heading);
    }
    sections[k].hidden = k !== chosen;
  }
  document.documentElement.lang = codes[chosen];
  document.title = sections[chosen].querySelector("h1").textContent;
  var others = document.createElement("ul");
  others.className = "language-list";
  for (var m = 0; m < sections.length; m++) {
    if (m === chosen) { continue; }
    var link = sections[m].querySelector("a").cloneNode(true);
    link.textContent = link.textContent + " (" + sections[m].getAttribute("data-name") + ")";
    var item = document.createElement("li");
    item.lang = codes[m];
    item.appendChild(link);
    others.appendChild(item);
  }
  if (others.childNodes.length) { sections[chosen].appendChild(others); }
})();
