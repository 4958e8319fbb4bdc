// Wegwijs guides: search, a language switcher that keeps the reader on the same step, and the
// navigation's small helps (the menu open on wide screens, the way back to an include, included steps
// opened for printing).
// No dependencies and no requests but for the search index, a script beside each page (search-index.js)
// loaded when the search box is first used, so this works offline and from file://. The pages work fully
// without it; it only adds the search box.
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
  // The box is in the page as a <template> (so without JavaScript there is none); its words come from
  // the strings files through its data attributes. The index (search-index.js, a script because a page
  // cannot fetch a file from file://) is loaded when the box is first used. It holds every text of
  // every page and the stems the build made of the site's words with Snowball; the query's words are
  // matched to the site's words and stems. A combobox with a listbox popup (ARIA 1.2).

  var template = document.querySelector("template.site-search-template");
  if (!template) return;
  template.replaceWith(template.content.cloneNode(true));
  var box = document.querySelector(".site-search");
  var input = box.querySelector("input");
  var popup = box.querySelector(".search-popup");
  var count = box.querySelector(".search-count");
  var list = box.querySelector(".search-results");
  var status = box.querySelector(".search-status");
  var labels = box.dataset;
  /** How many results the popup lists; the count names them all. */
  var shownResults = 20;
  /** How many letters a typed word may have after a stem of the site's and still be its form. */
  var ending = 3;
  /** The weight of a query word found in a page's title, a step's title, a text. */
  var weights = { title: 10, stepTitle: 5, text: 1 };

  /** Lowercase without accents, so "een" finds "één" and "Opslaan" finds "opslaan". */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  // A word and its terms, exactly as SearchTerms.swift makes them: letters, digits and marks with single
  // hyphens or apostrophes inside; folded; its parts joined ("pick-up": "pickup") and, if several, apart.
  var wordPattern = /[\p{L}\p{N}\p{M}]+(?:[-'\u2019\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;
  var joiners = /[-'\u2019\u2010\u2011]/;

  function termsOfWord(word) {
    var parts = fold(word).split(joiners).filter(Boolean);
    return parts.length > 1 ? [parts.join("")].concat(parts) : parts;
  }

  function words(text) {
    return text.match(wordPattern) || [];
  }

  /** A field's terms, and its neighbouring words joined ("pick up": "pickup"). */
  function field(text, dictionary, stems) {
    var terms = new Set();
    var pairs = new Set();
    var previous = "";
    words(text).forEach(function (word) {
      var wordTerms = termsOfWord(word);
      wordTerms.forEach(function (term) {
        terms.add(term);
        if (!dictionary.has(term)) dictionary.set(term, Object.prototype.hasOwnProperty.call(stems, term) ? stems[term] : term);
      });
      if (previous) pairs.add(previous + wordTerms[0]);
      previous = wordTerms[0];
    });
    return { terms: terms, pairs: pairs };
  }

  var entries = null;
  var dictionary = new Map();
  var requested = false;

  function prepare(index) {
    entries = index.pages.map(function (page) {
      return {
        page: page,
        title: field(page.title, dictionary, index.stems),
        sections: page.sections.map(function (section) {
          return {
            section: section,
            title: field(section.title || "", dictionary, index.stems),
            text: field(section.text, dictionary, index.stems),
          };
        }),
      };
    });
  }

  /** Loads the index (once), then shows what the reader has typed meanwhile. */
  function load() {
    if (entries || requested) return;
    requested = true;
    if (window.wegwijsSearchIndex) {
      prepare(window.wegwijsSearchIndex);
      return;
    }
    var script = document.createElement("script");
    script.src = labels.index;
    script.addEventListener("load", function () {
      if (!window.wegwijsSearchIndex) return;
      prepare(window.wegwijsSearchIndex);
      show(input.value);
    });
    document.head.append(script);
  }

  /** The site's terms a typed word stands for: itself and its forms, the terms of the longest stem of the
   *  site's that it begins with within a short ending ("approving": "approve", whose stem is "approv";
   *  "users": "user", not "use"); while it is being typed, also the terms it begins. */
  function matchingTerms(word, isTyping) {
    var found = new Set();
    var stemmed = [];
    var longest = 0;
    dictionary.forEach(function (stem, term) {
      if (term === word || stem === word || (isTyping && word.length >= 2 && term.lastIndexOf(word, 0) === 0)) found.add(term);
      else if (stem.length >= 3 && stem.length >= longest && word.length - stem.length <= ending && word.lastIndexOf(stem, 0) === 0) {
        stemmed.push(term);
        longest = stem.length;
      }
    });
    stemmed.forEach(function (term) { if (dictionary.get(term).length === longest) found.add(term); });
    return found;
  }

  /** The query's words: each with the site's terms it stands for, and joined with the next one. */
  function parse(query) {
    var typed = words(query);
    var isTyping = !/\s$/.test(query);
    return typed.map(function (word, position) {
      var term = termsOfWord(word)[0];
      var next = typed[position + 1];
      return {
        terms: matchingTerms(term, isTyping && position === typed.length - 1),
        word: term,
        pair: next ? term + termsOfWord(next)[0] : "",
      };
    });
  }

  function hasAny(fieldTerms, terms) {
    for (var term of terms) if (fieldTerms.terms.has(term)) return true;
    return false;
  }

  /** Which query words a field holds (a word also counts when it and a neighbour are one word there). */
  function found(fieldTerms, query) {
    return query.map(function (word, position) {
      var previous = query[position - 1];
      return hasAny(fieldTerms, word.terms) || fieldTerms.pairs.has(word.word)
        || (word.pair !== "" && fieldTerms.terms.has(word.pair)) || (previous && previous.pair !== "" && fieldTerms.terms.has(previous.pair));
    });
  }

  /** Pages by how many query words they hold, then where (title over step title over text), then the
   *  shorter title (the closer match: "Approve users" before "Approve rejected users"), then the index's
   *  order; each with the section where its words stand (a step, or else the page's top). */
  function search(query) {
    var hits = [];
    entries.forEach(function (entry, order) {
      var best = query.map(function () { return 0; });
      var inTitle = found(entry.title, query);
      inTitle.forEach(function (isFound, word) { if (isFound) best[word] = weights.title; });
      var target = null;
      entry.sections.forEach(function (section, position) {
        var own = query.map(function () { return 0; });
        found(section.title, query).forEach(function (isFound, word) { if (isFound) own[word] = weights.stepTitle; });
        found(section.text, query).forEach(function (isFound, word) { if (isFound) own[word] = Math.max(own[word], weights.text); });
        var words = own.filter(Boolean).length;
        var weight = own.reduce(function (sum, value) { return sum + value; }, 0);
        own.forEach(function (value, word) { best[word] = Math.max(best[word], value); });
        if (words && (!target || words > target.words || (words === target.words && weight > target.weight))) {
          target = { section: section, position: position, words: words, weight: weight };
        }
      });
      var words = best.filter(Boolean).length;
      if (!words) return;
      // Words that all stand in the title lead to the page's top.
      var inTitleOnly = best.every(function (weight, word) { return !weight || inTitle[word]; });
      hits.push({
        entry: entry,
        section: target && !inTitleOnly ? target.section : entry.sections[0],
        words: words,
        weight: best.reduce(function (sum, value) { return sum + value; }, 0),
        titleSize: entry.title.terms.size,
        order: order,
      });
    });
    hits.sort(function (a, b) {
      return b.words - a.words || b.weight - a.weight || a.titleSize - b.titleSize || a.order - b.order;
    });
    return hits;
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

  /** Whether a word of a text is one the query found. */
  function isFound(word, query) {
    return termsOfWord(word).some(function (term) {
      return query.some(function (queryWord) { return queryWord.terms.has(term) || term === queryWord.pair; });
    });
  }

  /** `text` into `node` as text, the words the query found in <mark> (content is never parsed as HTML). */
  function appendMarked(node, text, query) {
    var at = 0;
    text.replace(wordPattern, function (word, offset) {
      if (isFound(word, query)) {
        if (offset > at) node.append(text.slice(at, offset));
        node.append(element("mark", {}, word));
        at = offset + word.length;
      }
      return word;
    });
    if (at < text.length) node.append(text.slice(at));
    return node;
  }

  /** The line of a section's text with the most found words, cut to a short passage around the first. */
  function excerpt(text, query) {
    var lines = text.split("\n");
    var best = { line: lines[0] || "", marks: 0, first: 0 };
    lines.forEach(function (line) {
      var marks = 0;
      var first = -1;
      line.replace(wordPattern, function (word, offset) {
        if (isFound(word, query)) { marks += 1; if (first < 0) first = offset; }
        return word;
      });
      if (marks > best.marks) best = { line: line, marks: marks, first: first };
    });
    var line = best.line;
    var start = Math.max(0, best.first - 50);
    var end = Math.min(line.length, start + 160);
    if (start > 0) start = line.indexOf(" ", start) + 1 || start;
    if (end < line.length) end = line.lastIndexOf(" ", end) > start ? line.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + line.slice(start, end) + (end < line.length ? " …" : "");
  }

  var active = -1;

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function setActive(position) {
    var all = options();
    if (active >= 0 && all[active]) all[active].setAttribute("aria-selected", "false");
    active = position;
    if (active >= 0 && all[active]) {
      all[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    setActive(-1);
    popup.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function show(query) {
    list.replaceChildren();
    setActive(-1);
    var parsed = words(query).length ? parse(query) : [];
    if (!parsed.length || !entries) {
      close();
      status.textContent = "";
      return;
    }
    var hits = search(parsed);
    hits.slice(0, shownResults).forEach(function (hit, position) {
      var page = hit.entry.page;
      var section = hit.section.section;
      var option = element("li", { role: "option", id: "site-search-option-" + position, "aria-selected": "false", class: "search-result" });
      option.dataset.href = page.href + (section.anchor ? "#" + encodeURIComponent(section.anchor) : "");
      option.append(appendMarked(element("span", page.lang ? { class: "search-result-title", lang: page.lang } : { class: "search-result-title" }), page.title, parsed));
      if (section.anchor) {
        var step = element("span", { class: "search-result-step" }, labels.step + " " + section.number + ": ");
        step.append(appendMarked(element("span", section.lang ? { lang: section.lang } : {}), section.title || "", parsed));
        option.append(step);
      }
      if (section.text) {
        option.append(appendMarked(element("span", section.textLang ? { class: "search-result-excerpt", lang: section.textLang } : { class: "search-result-excerpt" }), excerpt(section.text, parsed), parsed));
      }
      list.append(option);
    });
    var announcement = hits.length === 0 ? fill(labels.noResults, { query: query.trim() })
      : hits.length === 1 ? labels.oneResult : fill(labels.results, { count: hits.length });
    count.textContent = announcement;
    status.textContent = announcement;
    list.hidden = hits.length === 0;
    popup.hidden = false;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
  }

  function open(option) {
    if (!option) return;
    close();
    location.href = option.dataset.href;
  }

  input.addEventListener("focus", function () {
    load();
    if (input.value && popup.hidden) show(input.value);
  });
  input.addEventListener("input", function () { load(); show(input.value); });
  input.addEventListener("keydown", function (event) {
    var all = options();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (popup.hidden) show(input.value);
      all = options();
      if (!all.length) return;
      var step = event.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : all.length - 1) : (active + step + all.length) % all.length);
    } else if (event.key === "Enter") {
      if (!all.length || popup.hidden) return;
      event.preventDefault();
      open(all[active >= 0 ? active : 0]);
    } else if (event.key === "Escape") {
      // The first closes the popup and keeps the words (a search field would clear them), the next clears.
      if (!popup.hidden) {
        event.preventDefault();
        close();
      } else {
        input.value = "";
      }
      status.textContent = "";
    }
  });
  // Choosing with the pointer keeps the focus in the box; a press elsewhere closes the popup.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) { open(event.target.closest("[role=option]")); });
  document.addEventListener("pointerdown", function (event) {
    if (!box.contains(event.target)) close();
  });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) close();
  });
})();
