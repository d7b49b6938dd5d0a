"""Messages clearly not in English, which the built-in engine cannot read.

Cheap signs only, no language model: mostly letters of another script (Cyrillic,
Greek, CJK, Arabic...), or more common words of Spanish, French, German, Portuguese,
Italian or Dutch than of English. Words that are also English, names or
abbreviations ("die", "van", "Los", "Mon") are left out of the foreign lists. Those
that stay can still be a name or an abbreviation in an English to-do ("email Tu
about the EST deadline"), so a capitalised word inside a sentence does not count,
and a short word counts half: one or two such words never make a message foreign.
"""

import re

_LETTER = re.compile(r"[^\W\d_]")
# Letters outside the Latin blocks (basic, Latin-1, extended A/B, additional).
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
_PUNCTUATION = str.maketrans(dict.fromkeys(",;:()[]{}\"'’-/", " "))
_SENTENCE_END = re.compile(r"[.!?¿¡\n]+")
MIN_FOREIGN = 2  # weight of foreign words a message needs
SHORT_WORD = 3  # letters: "tu", "est", "et" are often names or abbreviations

_FOREIGN = frozenset(
    """
    que una unos unas pero muy está estoy tengo necesito hoy mañana ayer también
    recordar recuérdame recuerdame recordarme llamar comprar pagar hacer gracias
    hola semana lunes martes miércoles jueves viernes sábado domingo cita reunión
    tarea tareas madre padre nosotros usted cómo dónde cuándo cuál cuáles
    je tu il nous vous ils est sont une du avec pas dans sur demain aujourd hui ma
    mes cette qui rappelle rappeler moi acheter appeler payer faire dois doit faut
    rendez réunion lundi mardi mercredi jeudi vendredi samedi dimanche merci
    bonjour salut et au aux chez très semaine soir matin quel quels quelle quelles
    tâche tâches
    ich und der das nicht ist ein eine einen zu morgen heute auf für mein meine
    bitte wir muss müssen kaufen anrufen erinnere erinnern mich mir termin uhr
    noch auch oder aber montag dienstag mittwoch donnerstag freitag samstag
    sonntag danke woche bezahlen machen sind meinen aufgabe aufgaben
    não você com uma amanhã hoje preciso meu minha lembrar lembre ligar
    obrigado olá terça quarta quinta sexta também são mas quais minhas meus
    tarefa tarefas
    che non sono domani oggi devo mio mia ricordami ricordare chiamare comprare
    pagare grazie ciao lunedì martedì mercoledì giovedì venerdì sabato domenica
    anche della delle degli quali quale miei compiti
    ik het een niet vandaag moet mijn herinner bellen kopen betalen alstublieft
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag zijn
    """.split()
)
_ENGLISH = frozenset(
    """
    the to and a an of in is are for on my me i you it at with be have do what
    when how next week this that remind call buy pay tomorrow today please need
    set up add task note from by about can will should get make go meeting
    """.split()
)


SAMPLE = 2000  # characters: a message's language shows in its start


def is_foreign(text: str) -> bool:
    """Whether the message is clearly written in a language other than English."""
    sample = text[:SAMPLE]
    if not sample.isascii() and _mostly_other_script(sample):
        return True
    # Distinct words, cut at punctuation with str methods: most messages are
    # English and must pay next to nothing for this test.
    words = _common_words(sample)
    foreign = sum(0.5 if len(w) <= SHORT_WORD else 1 for w in words & _FOREIGN)
    return foreign >= MIN_FOREIGN and foreign > len(words & _ENGLISH)


def _common_words(text: str) -> set[str]:
    """The distinct words in lower case, without names and abbreviations: words
    capitalised inside a sentence ("Tu", "EST")."""
    words: set[str] = set()
    for sentence in _SENTENCE_END.split(text):
        said = sentence.translate(_PUNCTUATION).split()
        words.update(w.lower() for n, w in enumerate(said) if n == 0 or w.islower())
    return words


def _mostly_other_script(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return bool(letters) and 2 * len(_NON_LATIN.findall(text)) > letters
