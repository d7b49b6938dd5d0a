import pytest

from notetaker.engines.local.language import is_foreign


@pytest.mark.parametrize(
    "text",
    [
        "email Tu about EST deadline",
        "Email Tu re EST deadline",
        "ping Tu: EST deadline moved",
        "book Soir restaurant, 8pm EST",
        "email tu re est deadline",
        "book soir restaurant et bar for friday",
        "dinner at Soir est. 8pm with Tu",
    ],
)
def test_read_english_with_foreign_looking_words_is_english(text):
    assert not is_foreign(text)


@pytest.mark.parametrize(
    "text",
    [
        "je dois acheter du pain demain",
        "Tu dois appeler ta mère demain soir",
        "rappelle-moi d'appeler le médecin demain",
        "Réunion avec l'équipe demain soir pour le budget",
        "tengo una cita con el médico el lunes",
        "Mañana tengo que ir al banco",
        "Ich habe morgen einen Termin beim Arzt",
        "wir müssen morgen die Miete bezahlen",
    ],
)
def test_read_foreign_sentence_is_foreign(text):
    assert is_foreign(text)


@pytest.mark.parametrize(
    "text",
    [
        "quelles sont mes tâches ?",
        "¿cuáles son mis tareas urgentes?",
        "was sind meine Aufgaben?",
        "quais são minhas tarefas?",
        "quali sono i miei compiti?",
        "wat zijn mijn taken?",
    ],
)
def test_short_foreign_question_about_tasks_is_foreign(text):
    assert is_foreign(text)
