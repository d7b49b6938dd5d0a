"""Verbs the rules look for, kept apart so every rule module can share them."""

# Verbs people open a to-do with; a message starting with one is an imperative.
ACTION_VERBS = frozenset(
    """
    add answer apply arrange ask attend back bake book bring buy call cancel change
    charge check clean clear collect complete confirm contact cook copy create
    deliver deploy design do download draft drop email e-mail empty feed file fill
    find finish fix follow get give go grab hand have help hire install invite
    iron join learn leave make meet message move order organise organize pack paint
    pay phone pick plan post prepare print publish put read rebook record register
    remove renew rent repair reply reschedule reserve return review ring run schedule
    sell send set share ship shop sign sort start study submit take talk test text
    tell tidy transfer update upload vacuum visit wash watch water write begin include
    mark remind notify alert ensure note modify
    """.split()
)
# Auxiliaries and common verbs that are not to-do openers: any of them in a message
# means it says something, rather than only naming something.
OTHER_VERBS = frozenset(
    """
    is are was were be been being am has have had do does did done will would can
    could should shall may might must need needs needed want wants wanted looks
    looked seem seems seemed feel feels felt think thinks thought know knows knew
    says said goes went gone gets got makes made keeps kept lets likes liked comes
    came happens happened wish hope love hate like miss missed saw seen ate eaten
    look looks
    bought brought left lost won took taken gave given told spoke wrote written ran
    's 're 've 'd 'll
    """.split()
)
# Subjects and clause openers: a phrase with one of them is a sentence, even when its
# verb is not in the lists above ("the roof leaks when it rains").
CLAUSE_WORDS = frozenset(
    "i you he she it we they when if because that which who while".split()
)
