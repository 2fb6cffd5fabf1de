#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen_reports.py -- renders N distinct council reports for the import benchmark.

Usage: gen_reports.py OUTDIR N [--seed S]

Writes OUTDIR/rNNNNN-<municipality>-<year>-<layout>.txt and prints one line:
"files N bytes B meetings M events E".  The layouts are the ones the importer
reads and tests/fixtures/reports holds real or synthetic examples of: an annual
report in prose (kauno, kedainiu, birzu), one with bullet lists (panevezio),
a form of "label: value" lines (rokiskio), a plan report dumped from a docx
table with one tab-indented cell per line (klaipedos, telsiu) and one with a
markdown pipe table (utenos).  Municipality, year, people, dates, counts,
titles and wording vary per report; the same seed gives the same files, so
runs on different days import the same corpus.

Not here: checking what the importer extracts (tests/ do that with gold
files).  The printed meeting/event counts are what the text states, so the
benchmark can show that the corpus was not silently ignored.
"""
import os
import random
import sys

# The 60 municipalities, in the genitive the reports use ("Kauno miesto
# savivaldybės ..."), with a file-name slug.  The residence is where a report
# is signed, in the nominative.
MUNICIPALITIES = [
    ("Akmenės rajono", "akmenes-r", "Naujoji Akmenė"), ("Alytaus miesto", "alytaus-m", "Alytus"),
    ("Alytaus rajono", "alytaus-r", "Alytus"), ("Anykščių rajono", "anyksciu-r", "Anykščiai"),
    ("Birštono", "birstono", "Birštonas"), ("Biržų rajono", "birzu-r", "Biržai"),
    ("Druskininkų", "druskininku", "Druskininkai"), ("Elektrėnų", "elektrenu", "Elektrėnai"),
    ("Ignalinos rajono", "ignalinos-r", "Ignalina"), ("Jonavos rajono", "jonavos-r", "Jonava"),
    ("Joniškio rajono", "joniskio-r", "Joniškis"), ("Jurbarko rajono", "jurbarko-r", "Jurbarkas"),
    ("Kaišiadorių rajono", "kaisiadoriu-r", "Kaišiadorys"), ("Kalvarijos", "kalvarijos", "Kalvarija"),
    ("Kauno miesto", "kauno-m", "Kaunas"), ("Kauno rajono", "kauno-r", "Kaunas"),
    ("Kazlų Rūdos", "kazlu-rudos", "Kazlų Rūda"), ("Kėdainių rajono", "kedainiu-r", "Kėdainiai"),
    ("Kelmės rajono", "kelmes-r", "Kelmė"), ("Klaipėdos miesto", "klaipedos-m", "Klaipėda"),
    ("Klaipėdos rajono", "klaipedos-r", "Gargždai"), ("Kretingos rajono", "kretingos-r", "Kretinga"),
    ("Kupiškio rajono", "kupiskio-r", "Kupiškis"), ("Lazdijų rajono", "lazdiju-r", "Lazdijai"),
    ("Marijampolės", "marijampoles", "Marijampolė"), ("Mažeikių rajono", "mazeikiu-r", "Mažeikiai"),
    ("Molėtų rajono", "moletu-r", "Molėtai"), ("Neringos", "neringos", "Neringa"),
    ("Pagėgių", "pagegiu", "Pagėgiai"), ("Pakruojo rajono", "pakruojo-r", "Pakruojis"),
    ("Palangos miesto", "palangos-m", "Palanga"), ("Panevėžio miesto", "panevezio-m", "Panevėžys"),
    ("Panevėžio rajono", "panevezio-r", "Panevėžys"), ("Pasvalio rajono", "pasvalio-r", "Pasvalys"),
    ("Plungės rajono", "plunges-r", "Plungė"), ("Prienų rajono", "prienu-r", "Prienai"),
    ("Radviliškio rajono", "radviliskio-r", "Radviliškis"), ("Raseinių rajono", "raseiniu-r", "Raseiniai"),
    ("Rietavo", "rietavo", "Rietavas"), ("Rokiškio rajono", "rokiskio-r", "Rokiškis"),
    ("Skuodo rajono", "skuodo-r", "Skuodas"), ("Šakių rajono", "sakiu-r", "Šakiai"),
    ("Šalčininkų rajono", "salcininku-r", "Šalčininkai"), ("Šiaulių miesto", "siauliu-m", "Šiauliai"),
    ("Šiaulių rajono", "siauliu-r", "Šiauliai"), ("Šilalės rajono", "silales-r", "Šilalė"),
    ("Šilutės rajono", "silutes-r", "Šilutė"), ("Širvintų rajono", "sirvintu-r", "Širvintos"),
    ("Švenčionių rajono", "svencioniu-r", "Švenčionys"), ("Tauragės rajono", "taurages-r", "Tauragė"),
    ("Telšių rajono", "telsiu-r", "Telšiai"), ("Trakų rajono", "traku-r", "Trakai"),
    ("Ukmergės rajono", "ukmerges-r", "Ukmergė"), ("Utenos rajono", "utenos-r", "Utena"),
    ("Varėnos rajono", "varenos-r", "Varėna"), ("Vilkaviškio rajono", "vilkaviskio-r", "Vilkaviškis"),
    ("Vilniaus miesto", "vilniaus-m", "Vilnius"), ("Vilniaus rajono", "vilniaus-r", "Vilnius"),
    ("Visagino", "visagino", "Visaginas"), ("Zarasų rajono", "zarasu-r", "Zarasai"),
]

MONTHS = ["sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos",
          "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"]
DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

MALE_FIRST = ["Jonas", "Petras", "Vytautas", "Saulius", "Tomas", "Mantas", "Darius", "Rimantas",
              "Algirdas", "Andrius", "Gintaras", "Arūnas", "Kęstutis", "Linas", "Marius", "Egidijus"]
MALE_LAST = ["Kazlauskas", "Petrauskas", "Jankauskas", "Stankevičius", "Vasiliauskas", "Žukauskas",
             "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas", "Marcinkus", "Navickas",
             "Ramanauskas", "Savickas", "Jankūnas", "Balčiūnas", "Mockus", "Rimkus"]
FEMALE_FIRST = ["Inga", "Renata", "Rasa", "Jurgita", "Agnė", "Danutė", "Laima", "Asta", "Vilma",
                "Rūta", "Eglė", "Daiva", "Gintarė", "Aušra", "Regina", "Jolanta"]
FEMALE_LAST = ["Kazlauskienė", "Petrauskienė", "Bagdonienė", "Šimkutė", "Mikalauskaitė",
               "Sakalauskienė", "Vaičiulienė", "Žilinskienė", "Gudaitė", "Jankauskienė",
               "Stankevičienė", "Urbonienė", "Navickienė", "Paulauskaitė", "Valančienė"]

VILLAGES = ["Josvainių", "Juodupės", "Obelių", "Kairių", "Gruzdžių", "Meškuičių", "Upninkų",
            "Dauparų", "Vėžaičių", "Sudeikių", "Leliūnų", "Papilio", "Luokės", "Varnių",
            "Dotnuvos", "Pabiržės", "Vilkyškių", "Kniaudiškių", "Ruklos", "Salako", "Dusetų",
            "Kuktiškių", "Vyžuonų", "Troškūnų", "Svėdasų", "Inturkės", "Girininkų", "Veiviržėnų"]
# Where events happen, in the locative ("Dotnuvoje").
PLACES = ["Dotnuvoje", "Josvainiuose", "Obeliuose", "Luokėje", "Varniuose", "Birštone",
          "Kuldygoje", "Drevernoje", "Juodupėje", "Subačiuje", "Pabiržėje", "Salake",
          "Ruklos seniūnijoje", "kultūros centre", "viešojoje bibliotekoje",
          "bendruomenės namuose", "Savivaldybės posėdžių salėje"]
PLATFORMS = ["Microsoft Teams", "Zoom", "Google Meet"]

TOPICS = ["Bendruomenė – kaimo širdis", "Savanorystė bendruomenėje", "Bendrystės vasara",
          "Kartu mes stiprūs", "Bendruomenės finansų valdymas", "Socialinio poveikio vertinimas",
          "Kaip išlaikyti jaunimą kaime?", "Bendruomenės projekto kelias",
          "Sumanūs kaimai – inovatyvi bendruomenė", "Mūsų kiemas", "Bendruomenių lyderių diena",
          "Gerosios patirties mainai", "Bendruomenė ir savivalda", "Kaimynas kaimynui",
          "Skaitmeniniai įrankiai bendruomenėms", "Paraiškų rengimo abėcėlė",
          "Tvari bendruomenė", "Vietos iniciatyvų mugė", "Bendruomenių namai – kam jie?",
          "Jaunimas bendruomenėje", "Senjorų įtrauktis", "Kultūros paveldas kaime"]
AGENDA = ["bendruomeninių organizacijų projektų atrankos kriterijai",
          "Savivaldybės biudžeto projektas", "Tarybos veiklos plano tvirtinimas",
          "bendruomenių namų išlaikymo klausimai", "atstovų delegavimas į komisijas",
          "projektų vertinimo rezultatai", "pasiūlymai strateginiam veiklos planui",
          "bendruomenių patalpų panaudos tvarka", "seniūnaičių sueigų organizavimas",
          "nevyriausybinių organizacijų rėmimo programa"]
FILLER = [
    "Tarybos posėdžių protokolai skelbiami Savivaldybės interneto svetainėje.",
    "Taryba teikė pastabų Savivaldybės strateginio veiklos plano projektui.",
    "Tarybos nariai konsultavo bendruomenes dėl paraiškų rengimo ir projektų viešinimo.",
    "Bendruomenių namų išlaikymas tampa vis sunkesne našta, ypač kaimiškose seniūnijose.",
    "Mažėja aktyvių bendruomenių narių, todėl Taryba siūlo skatinti savanorystę.",
    "Taryba bendradarbiavo su vietos veiklos grupe ir seniūnijų bendruomenėmis.",
    "Savivaldybės administracija informavo Tarybos narius apie finansavimo galimybes.",
    "Tarybos nariai dalyvavo Savivaldybės bendruomeninių organizacijų projektų vertinimo komisijos darbe.",
]
# A second sentence about an event: what came of it, without numbers.
EVENT_TAIL = [
    " Renginio metu aptarti bendruomenių namų išlaikymo ir savanorystės klausimai.",
    " Dalyviai pasidalijo gerąja patirtimi ir sutarė bendradarbiauti rengiant bendrus projektus.",
    " Po renginio parengtos rekomendacijos paskelbtos Savivaldybės interneto svetainėje.",
    " Susipažinta su bendruomenių įgyvendintais projektais, kylančiais iššūkiais ir planais.",
    " Renginį vedė Savivaldybės administracijos specialistai ir kviestiniai lektoriai.",
    "",
]
NUM_WORDS = {1: "vienas", 2: "du", 3: "trys", 4: "keturi", 5: "penki", 6: "šeši", 7: "septyni"}
NUM_ACC = {2: "du", 3: "tris", 4: "keturis", 5: "penkis", 6: "šešis", 7: "septynis"}


def meetings_noun(n):
    """Lithuanian plural of posėdis after a number."""
    if n % 10 == 1 and n % 100 != 11:
        return "posėdis"
    if 10 <= n % 100 <= 20 or n % 10 == 0:
        return "posėdžių"
    return "posėdžiai"


class Report:
    """One report being written: its facts and the text so far."""

    def __init__(self, rng, muni, year, nvo):
        self.rng = rng
        self.gen, self.slug, self.town = muni
        self.year = year
        self.nvo = nvo
        self.lines = []
        self.meetings = 0
        self.events = 0
        self.used_days = set()
        self.council_gen = (f"{self.gen} savivaldybės nevyriausybinių organizacijų tarybos" if nvo
                            else f"{self.gen} savivaldybės bendruomeninių organizacijų tarybos")
        self.council_nom = self.council_gen[:-1]  # "tarybos" -> "taryba"
        self.short = "NVO taryba" if nvo else rng.choice(["Taryba", "BOT", "Taryba"])

    # ---- facts -----------------------------------------------------------
    def person(self, female=None):
        if female is None:
            female = self.rng.random() < 0.5
        if female:
            return self.rng.choice(FEMALE_FIRST) + " " + self.rng.choice(FEMALE_LAST), True
        return self.rng.choice(MALE_FIRST) + " " + self.rng.choice(MALE_LAST), False

    def day(self, months=range(12), year=None):
        """A distinct (month, day) within the report's year."""
        for _ in range(50):
            m = self.rng.choice(list(months))
            d = self.rng.randint(1, DAYS_IN[m])
            if (m, d) not in self.used_days:
                self.used_days.add((m, d))
                return m, d
        return m, d

    def long_date(self, m, d, year=True):
        return (f"{self.year} m. " if year else "") + f"{MONTHS[m]} {d} d."

    def iso(self, m, d):
        return f"{self.year}-{m + 1:02d}-{d:02d}"

    def act(self):
        prefix = self.rng.choice(["T-", "TS-", "1-", "T1-", "A-", "ĮS-"])
        return f"{prefix}{self.rng.randint(10, 999)}"

    def count_phrase(self):
        """Participants as a report states them, with a qualifier now and then."""
        n = self.rng.randint(8, 180)
        form = self.rng.random()
        if form < 0.55:
            return f"dalyvavo {n} dalyvių" if n % 10 == 0 or 10 <= n % 100 <= 20 else f"dalyvavo {n} dalyviai"
        if form < 0.7:
            return f"dalyvavo daugiau nei {n} dalyvių"
        if form < 0.85:
            return f"dalyvavo apie {n} dalyvių"
        return f"dalyvavo ne mažiau kaip {n} bendruomenių atstovų"

    def event_sentence(self, year=True):
        """One dated event and, now and then, what came of it."""
        return self.event_core(year) + self.rng.choice(EVENT_TAIL)

    def event_core(self, year):
        r = self.rng
        m, d = self.day()
        when = self.long_date(m, d, year)
        topic = r.choice(TOPICS)
        place = r.choice(PLACES)
        kind = r.randrange(6)
        self.events += 1
        if kind == 0:
            return (f"{when} {place} vyko rajono bendruomenių forumas „{topic}“, kurį {self.short} "
                    f"organizavo kartu su vietos veiklos grupe. Forume {self.count_phrase()}.")
        if kind == 1:
            return (f"{when} {self.short} surengė nuotolinį seminarą „{topic}“ "
                    f"({r.choice(PLATFORMS)} platformoje), jame {self.count_phrase()}.")
        if kind == 2:
            d2 = min(d + 1, DAYS_IN[m])
            span = f"{self.year} m. {MONTHS[m]} {d}–{d2} d." if d2 > d else when
            village = r.choice(VILLAGES)
            return (f"{span} Tarybos nariai ir bendruomenių pirmininkai lankėsi {village} "
                    f"bendruomenėje. Gerosios patirties išvykoje dalyvavo {r.randint(9, 45)} asmenys.")
        if kind == 3:
            return (f"{when} {place} surengta diskusija „{topic}“, joje {self.count_phrase()}.")
        if kind == 4:
            return (f"{when} {self.short} kartu su Savivaldybės administracija surengė mokymus "
                    f"„{topic}“. Mokymuose {self.count_phrase()}.")
        return (f"{when} {place} vyko konferencija „{topic}“, kurioje {self.count_phrase()}.")

    # ---- text ------------------------------------------------------------
    def add(self, *lines):
        self.lines.extend(lines)

    def text(self, crlf=False):
        body = "\n".join(self.lines) + "\n"
        return body.replace("\n", "\r\n") if crlf else body

    def composition(self):
        half = self.rng.randint(4, 11)
        n = 2 * half
        return (f"Taryba sudaryta iš {n} narių: {half} Savivaldybės institucijų ir įstaigų "
                f"atstovų ir {half} bendruomeninių organizacijų atstovų.")

    def leaders(self):
        chair, chair_f = self.person()
        deputy, dep_f = self.person()
        village = self.rng.choice(VILLAGES)
        c = "pirmininke išrinkta" if chair_f else "pirmininku išrinktas"
        dp = "pavaduotoja" if dep_f else "pavaduotoju"
        return chair, (f"Tarybos {c} {chair}, {village} bendruomenės pirmininkė"
                       if chair_f else f"Tarybos {c} {chair}, {village} bendruomenės pirmininkas") + \
            f", {dp} – {deputy}, Savivaldybės administracijos vyriausiasis specialistas."

    def meetings_sentence(self, n, remote):
        self.meetings += n
        if n in NUM_ACC and self.rng.random() < 0.3:
            s = f"Per {self.year} m. {self.short} surengė {NUM_ACC[n]} posėdžius"
        else:
            s = f"Per ataskaitinį laikotarpį įvyko {n} Tarybos {meetings_noun(n)}"
        if remote:
            s += f", iš kurių {remote} vyko nuotoliniu būdu {self.rng.choice(PLATFORMS)} platformoje"
        return s + "."


def finance(r):
    """A paragraph on project funding, with money and counts that are not participants."""
    rng = r.rng
    return (f"Pagal priemonę „Stiprinti bendruomeninę veiklą savivaldybėse“ {r.gen} "
            f"savivaldybės bendruomeninėms organizacijoms {r.year} m. skirta "
            f"{rng.randint(12, 90)} {rng.randint(100, 999)} Eur. {r.short} įvertino "
            f"{rng.randint(10, 40)} paraiškų, finansuoti {rng.randint(5, 30)} projektai. "
            f"Daugiausia lėšų skirta {rng.choice(AGENDA)} ir bendruomenių namų aplinkai tvarkyti; "
            f"projektų įgyvendinimą {r.short} stebėjo visus metus, o ataskaitas bendruomenės "
            f"pateikė iki {r.year} m. gruodžio {rng.randint(1, 31)} d.")


def prose_annual(r):
    """Annual report in paragraphs (kauno, kedainiu, birzu)."""
    rng = r.rng
    upper = rng.random() < 0.5
    title = f"{r.council_gen}\n{r.year} metų veiklos ataskaita"
    r.add(title.upper() if upper else title, "")
    if rng.random() < 0.7:
        r.add(f"{r.year + 1}-0{rng.randint(1, 3)}-{rng.randint(10, 28)} Nr. B{rng.randint(1, 40)}-{rng.randint(1, 9)}", r.town, "")
    r.add(f"{r.council_nom} (toliau – {r.short}) sudaryta {r.gen} savivaldybės tarybos "
          f"{r.year - rng.randint(1, 5)} m. {MONTHS[rng.randrange(12)]} {rng.randint(1, 28)} d. "
          f"sprendimu Nr. {r.act()}. {r.composition()}", "")
    chair, text = r.leaders()
    r.add(text, "")
    if rng.random() < 0.4:
        r.add("Tarybos nariai:")
        for i in range(rng.randint(8, 16)):
            name, _ = r.person()
            r.add(f"{i + 1}. {name} ({rng.choice(VILLAGES)} bendruomenė);")
        r.add("")
    n = rng.randint(2, 7)
    remote = rng.randint(0, n // 2)
    r.add(r.meetings_sentence(n, remote), "")
    for _ in range(rng.randint(1, min(n, 4))):
        m, d = r.day()
        r.add(f"{r.long_date(m, d)} posėdyje aptarti šie klausimai: {rng.choice(AGENDA)}, "
              f"{rng.choice(AGENDA)}.", "")
    r.add(" ".join(rng.sample(FILLER, 3)), "")
    r.add(finance(r), "")
    r.add("Renginiai ir mokymai", "")
    for _ in range(rng.randint(2, 7)):
        r.add(r.event_sentence(), "")
    r.add("Kita veikla", "", " ".join(rng.sample(FILLER, 3)), "")
    r.add(f"{r.year + 1} m. planuojama surengti bendruomenių lyderių forumą ir atnaujinti "
          f"bendruomenių žemėlapį.", "", "")
    r.add(f"Tarybos pirmininkas                                   {chair}")
    return "prose"


def bullet_annual(r):
    """Annual report with bullet lists of meetings and events (panevezio)."""
    rng = r.rng
    r.add(f"{r.council_gen.upper()}", f"{r.year} METŲ VEIKLOS ATASKAITA", "",
          f"{r.year + 1} m. {MONTHS[rng.randrange(3)]} {rng.randint(1, 28)} d.", r.town, "")
    chair, _ = r.person(True)
    dep, _ = r.person(False)
    r.add(f"{r.council_nom} (toliau – BOT) sudaryta {r.gen} savivaldybės tarybos "
          f"{r.year - rng.randint(1, 4)} m. {MONTHS[rng.randrange(12)]} {rng.randint(1, 28)} d. "
          f"sprendimu Nr. {r.act()}. BOT pirmininkė – {chair} ({rng.choice(VILLAGES)} bendruomenė), "
          f"pirmininkės pavaduotojas – {dep} (Savivaldybės administracija).", "")
    n = rng.randint(3, 6)
    remote = rng.randint(0, 2)
    r.meetings += n
    words = {3: "trys", 4: "keturi", 5: "penki", 6: "šeši"}
    r.add("POSĖDŽIAI", "",
          f"{r.year} m. surengti {words[n]} BOT posėdžiai" +
          (f", {NUM_WORDS[remote] if remote > 1 else 'vienas'} iš jų – nuotoliniu būdu:" if remote else ":"), "")
    for i, (m, d) in enumerate(sorted(r.day() for _ in range(n))):
        when = r.iso(m, d) if rng.random() < 0.3 else r.long_date(m, d)
        note = f" (nuotolinis, „{rng.choice(PLATFORMS)}“)" if i < remote else ""
        r.add(f"• {when}{note}. Darbotvarkė: 1) {rng.choice(AGENDA)}; 2) {rng.choice(AGENDA)}.")
    r.add("", " ".join(rng.sample(FILLER, 2)), "", finance(r), "", "RENGINIAI IR MOKYMAI", "")
    for _ in range(rng.randint(2, 6)):
        r.add("• " + r.event_sentence())
    r.add("", "KITA VEIKLA", "", *("• " + f for f in rng.sample(FILLER, 3)), "", "", "",
          f"BOT pirmininkė                                        {chair}")
    return "bullets"


def form_annual(r):
    """Form-style "label: value" report (rokiskio)."""
    rng = r.rng
    r.add(f"{r.council_gen.upper()} {r.year} M. VEIKLOS ATASKAITA",
          "(parengta pagal Socialinės apsaugos ir darbo ministerijos rekomenduojamą formą)", "",
          f"{r.year + 1}-01-{rng.randint(10, 31)} Nr. BOT-{rng.randint(1, 9)}", "", "",
          "1. BENDRIEJI DUOMENYS", "")
    chair, _ = r.person(False)
    dep, _ = r.person(True)
    sec, _ = r.person(True)
    half = rng.randint(4, 9)
    r.add(f"Tarybos pavadinimas: {r.council_nom}",
          f"Sudarymo pagrindas: {r.gen} savivaldybės tarybos {r.year - 2} m. rugsėjo "
          f"{rng.randint(1, 30)} d. sprendimas Nr. {r.act()}",
          f"Narių skaičius: {2 * half} ({half} – Savivaldybės institucijų ir įstaigų atstovai, "
          f"{half} – bendruomeninių organizacijų atstovai)",
          f"Pirmininkas: {chair}, {rng.choice(VILLAGES)} bendruomenė",
          f"Pirmininko pavaduotoja: {dep}, Savivaldybės administracija",
          f"Sekretorė: {sec}, Savivaldybės administracija", "", "", "2. POSĖDŽIAI", "")
    n = rng.randint(3, 7)
    remote = rng.randint(0, 2)
    r.meetings += n
    days = sorted(r.day() for _ in range(n))
    listed = ", ".join(r.iso(m, d) + (" (nuotolinis)" if i < remote else "")
                       for i, (m, d) in enumerate(days))
    r.add(f"Įvykusių posėdžių skaičius: {n}", f"Iš jų nuotolinių: {remote}",
          f"Posėdžių datos: {listed}",
          f"Apsvarstytų klausimų skaičius: {rng.randint(8, 40)}", "", "", "3. RENGINIAI, MOKYMAI, IŠVYKOS", "")
    for i in range(rng.randint(2, 6)):
        m, d = r.day()
        r.events += 1
        r.add(f"3.{i + 1}. {r.long_date(m, d)} – {rng.choice(['mokymai', 'seminaras', 'forumas', 'diskusija'])} "
              f"„{rng.choice(TOPICS)}“, {rng.choice(PLACES)}; dalyvių – {rng.randint(7, 150)}.")
    r.add("", "", "4. FINANSAVIMAS", "",
          f"Pagal priemonę „Stiprinti bendruomeninę veiklą savivaldybėse“ skirta lėšų: "
          f"{rng.randint(12, 90)} {rng.randint(100, 999)} Eur",
          f"Finansuotų projektų skaičius: {rng.randint(5, 30)}",
          f"Paraiškas pateikusių bendruomeninių organizacijų skaičius: {rng.randint(10, 40)}", "", "",
          "5. ATSTOVAVIMAS", "",
          f"Tarybos narių, deleguotų į Savivaldybės darbo grupes ir komisijas, skaičius: {rng.randint(1, 6)}",
          "Darbo grupės ir komisijos: Bendruomeninių organizacijų projektų vertinimo komisija, "
          "Jaunimo reikalų taryba, Socialinių paslaugų planavimo darbo grupė.", "", "",
          "6. PROBLEMOS IR PASIŪLYMAI", "", " ".join(rng.sample(FILLER, 3)), "", "",
          f"Tarybos pirmininkas                                     {chair}")
    return "form"


MEASURES = [
    ("Tarybos posėdžių organizavimas ir protokolų viešinimas", "Įvykusių posėdžių skaičius",
     "Tarybos pirmininkas, Tarybos sekretorė"),
    ("Bendruomenių projektų vertinimas pagal priemonę „Stiprinti bendruomeninę veiklą savivaldybėse“",
     "Įvertintų paraiškų skaičius", "Taryba, Socialinės paramos skyrius"),
    ("Mokymų bendruomeninių organizacijų lyderiams organizavimas", "Suorganizuotų mokymų skaičius, dalyvių skaičius",
     "Strateginio planavimo ir investicijų skyrius"),
    ("Rajono bendruomenių forumo organizavimas", "Suorganizuotas forumas, dalyvių skaičius",
     "Kultūros skyrius, Taryba"),
    ("Gerosios patirties išvyka į kitų savivaldybių bendruomenes", "Suorganizuotų išvykų skaičius",
     "Kultūros skyrius"),
    ("Tarybos veiklos viešinimas ir sklaida", "Straipsnių, skelbimų skaičius",
     "Tarybos sekretorė, Komunikacijos skyrius"),
    ("Atstovų delegavimas į Savivaldybės darbo grupes ir komisijas", "Deleguotų atstovų skaičius",
     "Taryba, Bendrasis skyrius"),
    ("Diskusijų su Savivaldybės tarybos nariais organizavimas", "Surengtų diskusijų skaičius, dalyvių skaičius",
     "Taryba"),
    ("Bendradarbiavimas su vietos veiklos grupe", "Bendrų renginių skaičius", "Taryba, vietos veiklos grupė"),
]


def plan_fulfilment(r, i):
    """The fulfilment cell of measure i: a meeting count, an event, or plain text."""
    rng = r.rng
    if i == 0:
        n = rng.randint(2, 6)
        remote = rng.randint(0, 1)
        m, d = r.day()
        return [r.meetings_sentence(n, remote),
                f"{r.long_date(m, d)} vykusiame posėdyje patvirtintas Tarybos {r.year} m. veiklos planas."]
    if rng.random() < 0.6:
        return [r.event_sentence(), rng.choice(FILLER)]
    return [" ".join(rng.sample(FILLER, 2))]


def docx_plan(r):
    """Plan report dumped from a docx table, one tab-indented cell per line (klaipedos)."""
    rng = r.rng
    y0 = r.year - rng.randint(0, 2)
    r.add(f" [bookmark: _Hlk{rng.randint(10**8, 10**9)}]{r.council_gen} "
          f"{y0}−{y0 + 2} m. veiklos plano ataskaita už {r.year} m. ", "")
    r.add(f"Veiklos planas patvirtintas {r.gen} savivaldybės administracijos direktoriaus "
          f"{y0} m. kovo {rng.randint(1, 31)} d. įsakymu Nr. {r.act()}", "")
    r.add("\tEil. Nr.", "\tPriemonės pavadinimas", "\tRodiklio pavadinimas", "\tAtsakingi vykdytojai",
          "\tĮvykdymas", "")
    chosen = [MEASURES[0]] + rng.sample(MEASURES[1:], rng.randint(5, 8))
    for i, (name, indicator, resp) in enumerate(chosen):
        cell = plan_fulfilment(r, i)
        r.add(f"\t{i + 1}.", f"\t{name}", f"\t{indicator}", f"\t{resp}", "\t" + "\n".join(cell), "")
    r.add("", "")
    return "docx"


def markdown_plan(r):
    """Plan report with a markdown pipe table and bullet lists (utenos)."""
    rng = r.rng
    y0 = r.year - rng.randint(0, 2)
    sec, _ = r.person(True)
    chair, _ = r.person(False)
    r.add(f"\ufeff# {r.council_gen} {y0}–{y0 + 2} metų veiklos plano įgyvendinimo ataskaita už {r.year} metus",
          "", f"**Ataskaitinis laikotarpis:** {r.year} m. sausio 1 d. – {r.year} m. gruodžio 31 d.  ",
          f"**Parengė:** Tarybos sekretorė {sec}", "",
          f"{r.council_nom} (toliau – Taryba) veikia pagal nuostatus, patvirtintus {r.gen} "
          f"savivaldybės tarybos {y0 - 2} m. rugsėjo {rng.randint(1, 28)} d. sprendimu Nr. {r.act()}.",
          "", "## 1. Plano priemonių įgyvendinimas", "",
          "| Nr. | Priemonės pavadinimas | Atsakingi | Įvykdymas |",
          "|-----|-----------------------|-----------|-----------|")
    chosen = [MEASURES[0]] + rng.sample(MEASURES[1:], rng.randint(4, 8))
    for i, (name, _, resp) in enumerate(chosen):
        r.add(f"| {i + 1}. | {name} | {resp} | {' '.join(plan_fulfilment(r, i))} |")
    r.add("", "## 2. Kita Tarybos veikla", "")
    for _ in range(rng.randint(1, 3)):
        r.add("- " + r.event_sentence())
    r.add(*("- " + f for f in rng.sample(FILLER, 2)), "", f"## 3. {r.year + 1} metų prioritetai", "",
          f"- Iki {r.year + 1} m. gruodžio 31 d. parengti Tarybos veiklos plano projektą.", "",
          "Tarybos pirmininkas  ", chair)
    return "md"


LAYOUTS = [prose_annual, prose_annual, bullet_annual, form_annual, docx_plan, markdown_plan]


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out, n = argv[1], int(argv[2])
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 20240516
    os.makedirs(out, exist_ok=True)
    total = meetings = events = 0
    for i in range(n):
        # One generator per report: report i is the same whatever N is, so
        # the N = 1,000 corpus is the first tenth of the N = 10,000 one.
        rng = random.Random(seed * 1000003 + i)
        muni = MUNICIPALITIES[rng.randrange(len(MUNICIPALITIES))]
        year = rng.randint(2010, 2025)
        r = Report(rng, muni, year, nvo=rng.random() < 0.15)
        layout = rng.choice(LAYOUTS)(r)
        data = r.text(crlf=rng.random() < 0.1).encode("utf-8")
        path = os.path.join(out, f"r{i:05d}-{r.slug}-{year}-{layout}.txt")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        meetings += r.meetings
        events += r.events
    print(f"files {n} bytes {total} meetings {meetings} events {events}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
