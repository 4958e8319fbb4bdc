// Wegwijs guides: search, a language switcher that keeps the reader on the same step, and the
// navigation's small helps (the menu open on wide screens, the way back to an include, included steps
// opened for printing).
// No dependencies and no requests: the index is a script beside each page (search-index.js), so this
// works offline and from file://. The pages work fully without it; it only adds the search box.
(function () {
  "use strict";

  // == Language switcher: carry the step over ==================================================
  // Step anchors are the same ids in every language, so the other language's page has the same
  // fragment. The step being read is the last one the reader rested on near the top of the window
  // (scrolling back up to the switcher does not lose it); the URL's fragment wins only while what it
  // names is still in the window, so a reader who scrolled away from it keeps the step in view.

  var restingStep = "";
  var restTimer = 0;

  /** Whether `node` is rendered: not inside a closed <details>, whose content still has boxes. */
  function isShown(node) {
    return node.checkVisibility ? node.checkVisibility() : node.getClientRects().length > 0;
  }

  function stepAtTop() {
    var current = null;
    var steps = document.querySelectorAll(".step[id]");
    for (var i = 0; i < steps.length; i++) {
      if (!isShown(steps[i])) continue;
      if (steps[i].getBoundingClientRect().top > window.innerHeight / 3) break;
      current = steps[i];
    }
    return current ? current.id : "";
  }

  // Whether the reader, when last resting, had scrolled away from what the URL's fragment names.
  var awayFromFragment = false;

  function fragmentTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  window.addEventListener("scroll", function () {
    clearTimeout(restTimer);
    restTimer = setTimeout(function () {
      restingStep = stepAtTop() || restingStep;
      var target = fragmentTarget();
      awayFromFragment = !!target && !isInView(target);
    }, 700);
  }, { passive: true });
  window.addEventListener("hashchange", function () { awayFromFragment = false; });

  /** Whether the reader still has `node` before them: some of it below the window's upper third. */
  function isInView(node) {
    var box = node.getBoundingClientRect();
    return isShown(node) && box.bottom > window.innerHeight / 3 && box.top < window.innerHeight;
  }

  function readingFragment() {
    var target = fragmentTarget();
    var id = target && !(awayFromFragment && restingStep) ? target.id : restingStep || stepAtTop();
    return id ? "#" + encodeURIComponent(id) : "";
  }

  function updateSwitcher() {
    var links = document.querySelectorAll(".language-switch a[hreflang]");
    var fragment = readingFragment();
    for (var i = 0; i < links.length; i++) {
      var page = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", page + fragment);
    }
  }

  var switcher = document.querySelector(".language-switch");
  if (switcher) {
    ["focusin", "pointerdown", "mouseover", "click"].forEach(function (type) {
      switcher.addEventListener(type, updateSwitcher);
    });
    window.addEventListener("hashchange", updateSwitcher);
    updateSwitcher();
  }

  // == Navigation ================================================================================
  // The menu is a <details>: closed on a phone until the reader opens it, always open beside the page
  // on a wide screen (the stylesheet shows it there even without this script).

  var menu = document.querySelector(".site-nav-menu");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 64rem)");
    var fitMenu = function () { if (wide.matches) menu.open = true; };
    fitMenu();
    if (wide.addEventListener) wide.addEventListener("change", fitMenu);
  }

  // A page reached from an include step (its link says ?from=<procedure>&step=<anchor>) offers the way
  // back to that step; the build wrote one hidden link for each step that includes the page.
  var query = new URLSearchParams(location.search);
  var cameFrom = query.get("from");
  var cameFromStep = query.get("step");
  if (cameFrom && cameFromStep) {
    document.querySelectorAll(".back-link[data-from]").forEach(function (back) {
      if (back.getAttribute("data-from") === cameFrom && back.getAttribute("data-step") === cameFromStep) back.hidden = false;
    });
  }

  // An include's steps shown in place: a link to one of them opens them; printing opens them all and
  // names the included page's full address (a printed page has no page numbers to refer to).
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var details = target && target.closest(".included-steps");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".included-steps").forEach(function (details) {
      if (!details.open) {
        details.open = true;
        openedForPrint.push(details);
      }
      var link = details.parentNode.querySelector("a[href*='?from=']");
      var address = details.parentNode.querySelector(".include-address");
      if (link && address) address.textContent = link.href.split("?")[0];
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) { details.open = false; });
    openedForPrint = [];
  });

  // == Search ====================================================================================

  var index = window.wegwijsSearchIndex;
  var header = document.querySelector(".site-header");
  if (!index || !header) return;
  var labels = index.labels;

  /** Lowercase without accents, so "een" finds "één" and "Opslaan" finds "opslaan". */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) node.textContent = text;
    return node;
  }

  var entries = index.pages.map(function (page) {
    return {
      page: page,
      title: fold(page.title),
      text: fold([page.title, page.summary].concat(page.keywords).join(" ")),
      steps: page.steps.map(function (step) {
        return { step: step, text: fold([step.title].concat(step.keywords).join(" ")) };
      }),
    };
  });

  function containsAll(text, words) {
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  /** Pages whose own texts or steps contain every word; title matches first, then the index's order. */
  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var hits = [];
    entries.forEach(function (entry, order) {
      var steps = entry.steps.filter(function (item) { return containsAll(item.text, words); });
      var rank = containsAll(entry.title, words) ? 0 : containsAll(entry.text, words) ? 1 : steps.length ? 2 : -1;
      if (rank >= 0) hits.push({ page: entry.page, steps: steps.map(function (item) { return item.step; }), rank: rank, order: order });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    return hits;
  }

  var box = element("search", { class: "site-search" });
  var input = element("input", { type: "search", id: "site-search-input", autocomplete: "off", spellcheck: "false", "aria-describedby": "site-search-status" });
  var status = element("p", { id: "site-search-status", class: "search-status", role: "status" });
  var list = element("ol", { class: "search-results" });
  list.hidden = true;
  box.append(element("label", { for: "site-search-input" }, labels.label), input, status, list);
  header.append(box);

  function show(query) {
    list.replaceChildren();
    if (!query.trim()) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    var hits = search(query);
    hits.forEach(function (hit) {
      var item = element("li");
      var link = element("a", { href: hit.page.href, class: "search-result-title" }, hit.page.title);
      if (hit.page.lang) link.setAttribute("lang", hit.page.lang);
      item.append(link);
      if (hit.page.summary) {
        var summary = element("p", { class: "search-result-summary" }, hit.page.summary);
        if (hit.page.summaryLang) summary.setAttribute("lang", hit.page.summaryLang);
        item.append(summary);
      }
      if (hit.steps.length) {
        var steps = element("ul", { class: "search-result-steps" });
        hit.steps.forEach(function (step) {
          var stepLink = element("a", { href: step.href });
          var stepTitle = element("span", step.lang ? { lang: step.lang } : {}, step.title);
          stepLink.append(element("span", { class: "search-result-number" }, labels.step + " " + step.number + ": "), stepTitle);
          var stepItem = element("li");
          stepItem.append(stepLink);
          steps.append(stepItem);
        });
        item.append(steps);
      }
      list.append(item);
    });
    list.hidden = hits.length === 0;
    status.textContent = hits.length === 0 ? fill(labels.noResults, { query: query.trim() })
      : hits.length === 1 ? labels.oneResult : fill(labels.results, { count: hits.length });
  }

  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      show("");
    } else if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) first.click();
    }
  });
})();
