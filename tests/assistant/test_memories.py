from notetaker.assistant.memories import MAX_WORDS, keywords


def test_keywords_drop_common_words_and_repeats():
    words = keywords("Remind me: where is the WiFi password? The wifi one!")

    assert words == ["wifi", "password", "one"]


def test_keywords_bounded():
    text = " ".join(f"word{chr(97 + i)}x" for i in range(20))

    assert len(keywords(text)) == MAX_WORDS
