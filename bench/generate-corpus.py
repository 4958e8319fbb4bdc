#!/usr/bin/env python3
"""Generate a synthetic Wegwijs content folder for benchmarking.

Usage: generate-corpus.py N DIR

Writes, deterministically (random.Random(42), standard library only):

  DIR/content/site.yaml                       languages [en, nl], 10 groups
  DIR/content/glossary.yaml                   200 terms
  DIR/content/procedures/<group>/<id>.yaml    N procedures, about 4-6 KB each
  DIR/content/images/wireframe.svg            the one figure every step with a figure uses
  DIR/floor-input/<lang>/<id>.md              every text of a procedure in one language as one
                                              CommonMark document, meaningful links left as they
                                              are: the input of bench/cmark-floor.c

The content follows /work/shared/design/content-format.md: every text has en and nl, every
meaningful link points at something that exists (glossary key, declared input, another
procedure or one of its steps, a callout of the step's own figure), includes only name
earlier procedures (no cycles).
"""

import os
import random
import re
import sys

LANGS = ("en", "nl")
GROUP_COUNT = 10
GLOSSARY_SIZE = 200
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# --------------------------------------------------------------------------------------------
# Vocabulary: parallel English and Dutch(-looking) words and phrases.
# --------------------------------------------------------------------------------------------

GROUPS = [
    ("dhl-esecure", "DHL eSecure"),
    ("mijn-postnl", "Mijn PostNL"),
    ("ups-quantum", "UPS Quantum View"),
    ("dpd-depot", "DPD Depot"),
    ("gls-shipit", "GLS ShipIT"),
    ("fedex-ship-manager", "FedEx Ship Manager"),
    ("bpost-shipping", "bpost Shipping Manager"),
    ("tnt-mytnt", "myTNT"),
    ("sendcloud-admin", "Sendcloud"),
    ("budbee-business", "Budbee Business"),
]

# (slug, en, nl)
OBJECTS = [
    ("account-number", "account number", "klantnummer"),
    ("user", "user", "gebruiker"),
    ("shipment", "shipment", "zending"),
    ("address-book", "address book", "adresboek"),
    ("label", "label", "label"),
    ("pickup", "pickup", "ophaalopdracht"),
    ("invoice", "invoice", "factuur"),
    ("parcel", "parcel", "pakket"),
    ("settings", "settings", "instellingen"),
    ("password", "password", "wachtwoord"),
    ("email-address", "email address", "e-mailadres"),
    ("return-label", "return label", "retourlabel"),
    ("authorisation", "authorisation", "autorisatie"),
    ("report", "report", "rapport"),
    ("delivery-address", "delivery address", "afleveradres"),
    ("collection-point", "collection point", "afhaalpunt"),
    ("shipping-rule", "shipping rule", "verzendregel"),
    ("contract", "contract", "contract"),
    ("api-key", "API key", "API-sleutel"),
    ("department", "department", "afdeling"),
    ("cost-centre", "cost centre", "kostenplaats"),
    ("customs-form", "customs form", "douaneformulier"),
    ("pallet", "pallet", "pallet"),
    ("administrator", "administrator", "beheerder"),
    ("profile", "profile", "profiel"),
    ("notification", "notification", "melding"),
    ("price-list", "price list", "prijslijst"),
    ("route", "route", "route"),
    ("warehouse", "warehouse", "magazijn"),
    ("financial-report", "financial report", "financiële rapportage"),
]

# (slug, en pattern, nl pattern); {o} is the object, {an_o} the object with "a" or "an"
VERBS = [
    ("open", "Open the {o}", "Open de {o}"),
    ("select", "Select the {o}", "Selecteer de {o}"),
    ("check", "Check the {o}", "Controleer de {o}"),
    ("confirm", "Confirm the {o}", "Bevestig de {o}"),
    ("edit", "Edit the {o}", "Bewerk de {o}"),
    ("remove", "Remove the {o}", "Verwijder de {o}"),
    ("add", "Add {an_o}", "Voeg een {o} toe"),
    ("approve", "Approve the {o}", "Keur de {o} goed"),
    ("reject", "Reject the {o}", "Wijs de {o} af"),
    ("fill-in", "Fill in the {o}", "Vul de {o} in"),
    ("save", "Save the {o}", "Sla de {o} op"),
    ("download", "Download the {o}", "Download de {o}"),
    ("upload", "Upload the {o}", "Upload de {o}"),
    ("link", "Link the {o}", "Koppel de {o}"),
    ("search", "Search for the {o}", "Zoek de {o}"),
    ("deactivate", "Deactivate the {o}", "Deactiveer de {o}"),
]

# Words for glossary terms: (en, nl)
UI_WORDS = [
    ("Save", "Opslaan"), ("Cancel", "Annuleren"), ("Next", "Volgende"), ("Back", "Vorige"),
    ("Settings", "Instellingen"), ("Users", "Gebruikers"), ("Approve", "Goedkeuren"),
    ("Reject", "Afwijzen"), ("Search", "Zoeken"), ("Export", "Exporteren"),
    ("Import", "Importeren"), ("Delete", "Verwijderen"), ("Edit", "Bewerken"),
    ("Add", "Toevoegen"), ("Overview", "Overzicht"), ("Account", "Account"),
    ("Shipments", "Zendingen"), ("Pickups", "Ophaalopdrachten"), ("Invoices", "Facturen"),
    ("Reports", "Rapporten"), ("Addresses", "Adressen"), ("Labels", "Labels"),
    ("Permissions", "Autorisaties"), ("Profile", "Profiel"), ("Status", "Status"),
    ("Details", "Details"), ("History", "Geschiedenis"), ("Filter", "Filter"),
    ("Download", "Downloaden"), ("Upload", "Uploaden"), ("Confirm", "Bevestigen"),
    ("Close", "Sluiten"), ("Help", "Help"), ("Logout", "Uitloggen"), ("Dashboard", "Dashboard"),
    ("Returns", "Retouren"), ("Tracking", "Volgen"), ("Customs", "Douane"),
    ("Departments", "Afdelingen"), ("Contracts", "Contracten"), ("Administrators", "Beheerders"),
    ("Notifications", "Meldingen"), ("Price", "Prijs"), ("Weight", "Gewicht"),
    ("Reference", "Referentie"), ("Number", "Nummer"), ("Email", "E-mail"), ("Date", "Datum"),
]

# Names of user authorisations (prerequisites): not glossary labels, which a text would link instead of
# spelling out (check warns about that).
AUTHORISATIONS = [
    ("Carrier rights", "Vervoerdersrechten"), ("Billing access", "Factuurinzage"), ("Depot management", "Depotbeheer"),
    ("Route planning", "Routeplanning"), ("Claims handling", "Claimafhandeling"), ("Fleet view", "Wagenparkoverzicht"),
    ("Rate cards", "Tariefkaarten"), ("Manifest sign-off", "Manifestaftekening"),
]

STATUSES = [
    ("Pending", "In behandeling"), ("Active", "Actief"), ("Approved", "Goedgekeurd"),
    ("Rejected", "Afgewezen"), ("Blocked", "Geblokkeerd"), ("Sent", "Verzonden"),
    ("Draft", "Concept"), ("Uploaded", "Geüpload"),
]

CODES = ["ERR-4012", "Ctrl+S", "E-mail ID", "403", "SHP-000", "*.csv", "YYYY-MM-DD", "0:00",
         "NL-1234", "--all", "admin@example.com", "v2"]

INPUTS = [
    ("account", "Account number", "DHL-klantnummer"),
    ("customer-number", "Customer number", "Klantnummer"),
    ("contract-number", "Contract number", "Contractnummer"),
    ("depot-code", "Depot code", "Depotcode"),
    ("user-id", "User ID", "Gebruikers-ID"),
]

NOTE_LABELS = {
    "note": ("Note", "Opmerking"),
    "tip": ("Tip", "Tip"),
    "important": ("Important", "Belangrijk"),
    "warning": ("Warning", "Waarschuwing"),
}

# --------------------------------------------------------------------------------------------
# YAML writing (by hand: fast, and the layout a writer would produce).
# --------------------------------------------------------------------------------------------

YAML11_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(s, flow=False):
    """A plain scalar where YAML would read it back unchanged as a string, else single-quoted."""
    plain = (
        s
        and s[0].isalpha()
        and s == s.strip()
        and "\n" not in s
        and ": " not in s
        and " #" not in s
        and not s.endswith(":")
        and s.lower() not in YAML11_SPECIAL
        and not (flow and any(c in s for c in ",[]{}"))
    )
    return s if plain else "'" + s.replace("'", "''") + "'"


def flow_text(t):
    return "{" + ", ".join(f"{lang}: {scalar(t[lang], flow=True)}" for lang in LANGS) + "}"


def block_text(out, indent, key, t):
    """key: then one line per language; multi-line strings as literal block scalars."""
    pad = " " * indent
    out.append(f"{pad}{key}:\n")
    for lang in LANGS:
        s = t[lang]
        if "\n" in s:
            out.append(f"{pad}  {lang}: |\n")
            for line in s.rstrip("\n").split("\n"):
                out.append(f"{pad}    {line}\n" if line else "\n")
        else:
            out.append(f"{pad}  {lang}: {scalar(s)}\n")


# --------------------------------------------------------------------------------------------
# Text generation
# --------------------------------------------------------------------------------------------


def cap(s):
    return s[0].upper() + s[1:]


def an(noun):
    return ("an " if noun[0] in "aeiou" else "a ") + noun


class Writer:
    """Makes parallel en/nl prose; every meaningful link it writes points at something real."""

    def __init__(self, rng, glossary_keys):
        self.rng = rng
        self.terms = glossary_keys

    def obj(self):
        return self.rng.choice(OBJECTS)

    def term(self):
        return self.rng.choice(self.terms)

    def sentence(self, ctx):
        """One sentence as {en, nl}. ctx: inputs, refs (link targets), callouts (count)."""
        r = self.rng
        o, o2 = self.obj(), self.obj()
        kinds = ["term", "term2", "wait", "code", "dont", "linked", "emph", "field"]
        if ctx["inputs"]:
            kinds += ["input", "input"]
        if ctx["refs"] and r.random() < 0.25:
            kinds += ["ref"]
        if ctx["callouts"]:
            kinds += ["callout", "callout"]
        k = r.choice(kinds)
        if k == "term":
            t = self.term()
            return {"en": f"Click [](term:{t}) to save the {o[1]}.",
                    "nl": f"Klik op [](term:{t}) om de {o[2]} op te slaan."}
        if k == "term2":
            t1, t2 = self.term(), self.term()
            return {"en": f"Choose [](term:{t1}) and then [](term:{t2}).",
                    "nl": f"Kies [](term:{t1}) en daarna [](term:{t2})."}
        if k == "wait":
            return {"en": f"Wait a few *minutes* for the {o[1]}.",
                    "nl": f"Wacht enkele *minuten* op de {o[2]}."}
        if k == "code":
            c = r.choice(CODES)
            return {"en": f"An invalid {o[1]} shows `{c}`.",
                    "nl": f"Een ongeldige {o[2]} toont `{c}`."}
        if k == "dont":
            return {"en": f"Do **not** change the {o[1]} of another {o2[1]}.",
                    "nl": f"Wijzig de {o[2]} van een andere {o2[2]} **niet**."}
        if k == "linked":
            t = self.term()
            return {"en": f"The {o[1]} is linked to your [](term:{t}).",
                    "nl": f"De {o[2]} is gekoppeld aan je [](term:{t})."}
        if k == "emph":
            s = r.choice(STATUSES)
            return {"en": f"Use only {an(o[1])} with status *{s[0]}*.",
                    "nl": f"Gebruik alleen een {o[2]} met status *{s[1]}*."}
        if k == "field":
            return {"en": f"In the *{o[1]}* field, fill in your {o2[1]}.",
                    "nl": f"Vul in het veld *{o[2]}* je {o2[2]} in."}
        if k == "input":
            i = r.choice(ctx["inputs"])
            return {"en": f"Fill in [](input:{i}) in the *{o[1]}* column.",
                    "nl": f"Vul [](input:{i}) in de kolom *{o[2]}* in."}
        if k == "ref":
            target = r.choice(ctx["refs"])
            return {"en": f"If the {o[1]} is missing, first follow [](ref:{target}).",
                    "nl": f"Als de {o[2]} ontbreekt, volg dan eerst [](ref:{target})."}
        # callout
        c = r.randint(1, ctx["callouts"])
        return {"en": f"The **{o[1]}** button is marked [](callout:{c}).",
                "nl": f"De knop **{o[2]}** is gemarkeerd met [](callout:{c})."}

    def body(self, ctx):
        """2-4 sentences in at least two paragraphs, sometimes with a bullet list."""
        r = self.rng
        n = r.choice((2, 2, 2, 3, 3, 4))
        sentences = [self.sentence(ctx) for _ in range(n)]
        if ctx["callouts"] and not any("callout:" in s["en"] for s in sentences):
            ctx_only = dict(ctx, inputs=[], refs=[])
            while "callout:" not in (s := self.sentence(ctx_only))["en"]:
                pass
            sentences[-1] = s
        split = r.randint(1, n - 1)
        paragraphs = [sentences[:split], sentences[split:]]
        result = {}
        lst = None
        if r.random() < 0.15:
            items = r.sample(OBJECTS, r.randint(2, 3))
            lst = {"en": "Check these fields:\n\n" + "\n".join(f"- *{x[1]}*" for x in items),
                   "nl": "Controleer deze velden:\n\n" + "\n".join(f"- *{x[2]}*" for x in items)}
        for lang in LANGS:
            parts = [" ".join(s[lang] for s in p) for p in paragraphs]
            if lst:
                parts.insert(1, lst[lang])
            result[lang] = "\n\n".join(parts) + "\n"
        return result

    def short(self, ctx):
        """A one-line text with at most one term link."""
        r = self.rng
        o, s = self.obj(), r.choice(STATUSES)
        if r.random() < 0.4:
            t = self.term()
            return {"en": f"Use [](term:{t}) only for *{s[0]}*.",
                    "nl": f"Gebruik [](term:{t}) alleen bij *{s[1]}*."}
        return {"en": f"A new {o[1]} shows after *15 minutes*.",
                "nl": f"Een nieuwe {o[2]} is na *15 minuten* zichtbaar."}


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


def make_glossary(rng):
    entries = {}
    words = list(UI_WORDS)
    while len(entries) < GLOSSARY_SIZE:
        if not entries or rng.random() < 0.3:
            en, nl = rng.choice(words)
        else:
            a, b = rng.sample(words, 2)
            en, nl = f"{a[0]} {b[0].lower()}", f"{a[1]} {b[1].lower()}"
        key = re.sub(r"[^a-z0-9]+", "-", en.lower()).strip("-")
        if key not in entries:
            entries[key] = {"en": en, "nl": nl}
    return entries


def plan(rng, n):
    """Ids, groups and step ids of every procedure, so that refs can name steps anywhere."""
    procs = []
    for i in range(n):
        pid = f"procedure-{i:05d}"
        group = GROUPS[rng.randrange(GROUP_COUNT)][0]
        steps = []
        used = set()
        # 6-12 steps, most procedures at the short end, as in real guides
        for _ in range(rng.choice((6, 6, 6, 7, 7, 7, 8, 8, 9, 9, 10, 11, 12))):
            verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
            sid = f"{verb[0]}-{obj[0]}" if rng.random() < 0.85 else f"step-{chr(ord('a') + len(steps))}"
            base, k = sid, 2
            while sid in used:
                sid, k = f"{base}-{k}", k + 1
            used.add(sid)
            steps.append((sid, verb, obj))
        procs.append({"id": pid, "group": group, "steps": steps})
    return procs


def procedure(rng, w, procs, i):
    """One procedure: (YAML text, {lang: floor Markdown})."""
    p = procs[i]
    pid = p["id"]
    out = []
    md = {lang: [] for lang in LANGS}
    r = rng

    main_obj = w.obj()
    verb = r.choice(VERBS)
    g = next(t for gid, t in GROUPS if gid == p["group"])
    title = {"en": verb[1].format(o=main_obj[1], an_o=an(main_obj[1])) + f" ({g})",
             "nl": verb[2].format(o=main_obj[2]) + f" ({g})"}
    o2 = w.obj()
    summary = {"en": f"Give {an(o2[1])} the right to work with your {main_obj[1]} in the portal.",
               "nl": f"Geef een {o2[2]} het recht om in het portaal met je {main_obj[2]} te werken."}

    block_text(out, 0, "title", title)
    block_text(out, 0, "summary", summary)
    for lang in LANGS:
        md[lang].append(f"# {title[lang]}\n\n{summary[lang]}\n")

    if r.random() < 0.3:
        out.append("audience: admin\n")

    out.append("requires:\n")
    req_md = {lang: [] for lang in LANGS}
    for _ in range(r.randint(1, 3)):
        a, o = r.choice(AUTHORISATIONS), w.obj()
        if r.random() < 0.3:
            t = w.term()
            req = {"en": f"You can open [](term:{t}) in the portal.",
                   "nl": f"Je kunt [](term:{t}) openen in het portaal."}
        else:
            req = {"en": f"You have the user authorisation *{a[0]}* for your {o[1]}.",
                   "nl": f"Je hebt de gebruikersautorisatie *{a[1]}* voor je {o[2]}."}
        out.append(f"  - en: {scalar(req['en'])}\n    nl: {scalar(req['nl'])}\n")
        for lang in LANGS:
            req_md[lang].append(f"- {req[lang]}")
    for lang in LANGS:
        md[lang].append("\n".join(req_md[lang]) + "\n")

    inputs = []
    n_inputs = r.choice([0, 0, 1, 1, 2])
    if n_inputs:
        out.append("inputs:\n")
        for iid, en, nl in r.sample(INPUTS, n_inputs):
            inputs.append(iid)
            example = "".join(r.choice("0123456789") for _ in range(9))
            out.append(f"  - id: {iid}\n    label: {flow_text({'en': en, 'nl': nl})}\n"
                       f"    pattern: '^[0-9]{{9}}$'\n    example: '{example}'\n")
            for lang, label in zip(LANGS, (en, nl)):
                md[lang].append(f"* {label}\n")  # "*": its own list, not part of requires

    out.append("steps:\n")
    if i > 0 and r.random() < 0.1:
        out.append(f"  - include: {procs[r.randrange(i)]['id']}\n")

    for sid, sverb, sobj in p["steps"]:
        refs = []
        if len(procs) > 1:
            other = procs[r.choice([j for j in (r.randrange(len(procs)), r.randrange(len(procs))) if j != i]
                                   or [(i + 1) % len(procs)])]
            refs = [other["id"]]
            if r.random() < 0.3:
                refs = [other["id"] + "#" + r.choice(other["steps"])[0]]
        has_figure = r.random() < 0.2
        callouts = r.randint(2, 3) if has_figure else 0
        ctx = {"inputs": inputs, "refs": refs, "callouts": callouts}

        stitle = {"en": sverb[1].format(o=sobj[1], an_o=an(sobj[1])), "nl": sverb[2].format(o=sobj[2])}
        text = w.body(ctx)
        out.append(f"  - id: {sid}\n")
        block_text(out, 4, "title", stitle)
        block_text(out, 4, "text", text)
        for lang in LANGS:
            md[lang].append(f"## {stitle[lang]}\n\n{text[lang]}")

        if has_figure:
            o = w.obj()
            alt = {"en": f"The {o[1]} screen", "nl": f"Het scherm {o[2]}"}
            legend = []
            for _ in range(callouts):
                x = w.obj()
                legend.append(r.choice([
                    {"en": f"{cap(x[1])} column", "nl": f"Kolom {x[2]}"},
                    {"en": f"The *{x[1]}* button", "nl": f"De knop *{x[2]}*"},
                ]))
            out.append("    figure:\n      src: images/wireframe.svg\n"
                       f"      alt: {flow_text(alt)}\n      callouts:\n")
            for c in legend:
                out.append(f"        - {flow_text(c)}\n")
            for lang in LANGS:
                md[lang].append(f"![{alt[lang]}](images/wireframe.svg)\n\n"
                                + "\n".join(f"{k}. {c[lang]}" for k, c in enumerate(legend, 1)) + "\n")

        if r.random() < 0.3:
            out.append("    notes:\n")
            for _ in range(r.randint(1, 2)):
                kind = r.choice(list(NOTE_LABELS))
                note = w.short(ctx)
                out.append(f"      - type: {kind}\n")
                block_text(out, 8, "text", note)
                for lang, label in zip(LANGS, NOTE_LABELS[kind]):
                    md[lang].append(f"> **{label}:** {note[lang]}\n")

        if r.random() < 0.3:
            o, s = w.obj(), r.choice(STATUSES)
            result = {"en": f"The {o[1]} has status *{s[0]}*.",
                      "nl": f"De {o[2]} heeft status *{s[1]}*."}
            block_text(out, 4, "result", result)
            for lang in LANGS:
                md[lang].append(f"{result[lang]}\n")

    return "".join(out), {lang: "\n".join(parts) for lang, parts in md.items()}


SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200">
  <rect x="1" y="1" width="318" height="198" fill="#fff" stroke="#888"/>
  <rect x="16" y="16" width="288" height="24" fill="#eee"/>
  <rect x="16" y="56" width="180" height="16" fill="#ddd"/>
  <rect x="16" y="84" width="180" height="16" fill="#ddd"/>
  <rect x="224" y="160" width="80" height="24" rx="4" fill="#4a7"/>
</svg>
"""


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: generate-corpus.py N DIR   (N >= 1 procedures)\n")
        return 64
    n, root = int(argv[1]), argv[2]
    content = os.path.join(root, "content")
    floor = os.path.join(root, "floor-input")
    for d in (content, floor):
        if os.path.exists(d):
            sys.stderr.write(f"generate-corpus.py: {d} already exists; give an empty or new DIR\n")
            return 1

    rng = random.Random(42)
    glossary = make_glossary(rng)
    w = Writer(rng, list(glossary))
    procs = plan(rng, n)

    os.makedirs(os.path.join(content, "images"))
    for gid, _ in GROUPS:
        os.makedirs(os.path.join(content, "procedures", gid))
    for lang in LANGS:
        os.makedirs(os.path.join(floor, lang))

    files = 0
    yaml_bytes = 0
    md_bytes = 0
    procedure_bytes = 0

    site = ["title:\n  en: Carrier portal admin guides\n  nl: Beheerhandleidingen vervoerdersportalen\n",
            f"languages: [{', '.join(LANGS)}]\n", "groups:\n"]
    for gid, title in GROUPS:
        site.append(f"  - id: {gid}\n    title: {scalar(title)}\n")
    yaml_bytes += write(os.path.join(content, "site.yaml"), "".join(site))
    yaml_bytes += write(os.path.join(content, "glossary.yaml"),
                        "".join(f"{k}: {flow_text(v)}\n" for k, v in glossary.items()))
    write(os.path.join(content, "images", "wireframe.svg"), SVG)
    files += 3

    for i, p in enumerate(procs):
        assert ID_RE.match(p["id"]) and all(ID_RE.match(s[0]) for s in p["steps"])
        text, md = procedure(rng, w, procs, i)
        size = write(os.path.join(content, "procedures", p["group"], p["id"] + ".yaml"), text)
        procedure_bytes += size
        yaml_bytes += size
        files += 1
        for lang in LANGS:
            md_bytes += write(os.path.join(floor, lang, p["id"] + ".md"), md[lang])
            files += 1

    print(f"corpus procedures={n} languages={len(LANGS)} files={files} "
          f"yaml_mb={yaml_bytes / 1e6:.2f} floor_md_mb={md_bytes / 1e6:.2f} "
          f"avg_procedure_kb={procedure_bytes / n / 1e3:.1f} dir={root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
