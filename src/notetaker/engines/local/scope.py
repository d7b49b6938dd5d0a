"""What the note-taker cannot do: requests that belong to another app or device.

A voice or chat assistant is asked to play music, ring alarms, dim lights, send
messages and look facts up. A note-taker can do none of that, and storing such a
request as a note or task would be wrong, so the engine answers that it can't.
Each domain is recognised by the words its requests cannot do without.
"""

import re

from .lexicon import CARDINAL_RE

# Things only a device does, whatever the phrasing ("wake me up at 6").
_DEVICE = (
    r"alarms?|wake\s+me|wake\s+up\s+call|get\s+me\s+up|snooze|timers?|countdown|"
    r"i'?m\s+(?:up|awake)|(?:audio|sound)\s+settings?|equali[sz]er|"
    r"(?:enable|disable)\s+(?:my|the|all)|devices|"
    r"stopwatch|volume|louder|quieter|speakers?|mute|unmute|"
    r"lights?|lamps?|bright(?:ness|er|en)?|dim(?:mer)?|plugs?|sockets?|wemo|hue|"
    r"thermostat|vacuum|hoover|robot|roomba|coffee\s+(?:maker|machine)|lighting|"
    r"cup\s+of\s+(?:coffee|tea)|switch\s+(?:on|off)|"
    r"(?:i\s+(?:need|want|would\s+like|'d\s+like)|make\s+me|get\s+me|brew)\s+"
    r"(?:a\s+|some\s+)?(?:coffee|tea|drink|espresso|latte|cappuccino)|"
    r"quiet|noise|noisy|speak\s+(?:up|louder|loudly|softly|quietly)|stop\s+talking|"
    r"don'?t\s+talk|shut\s+up|"
    r"turn\s+(?:it\s+)?(?:up|down)"
)
_MEDIA = (
    r"music|songs?|playlists?|podcasts?|radio|audio\s*books?|albums?|tracks?|"
    r"spotify|pandora|itunes|youtube|netflix|tunes|shuffle|lyrics|channels?|"
    r"videos?|playback|listen\s+to|crosswords?|trivia|quiz(?:zes)?|"
    r"(?:next|previous|last)\s+(?:song|track)|skip\s+(?:this|it)|"
    r"play\s+(?:me\s+)?(?:some|a\s+game|the\s+game|games|chess|something)|"
    r"(?:who|what)\s+(?:sings|sang|is\s+singing|is\s+playing)"
)
_WEATHER = (
    r"weather|forecast|climat\w*|rain(?:ing|y|fall)?|snow(?:ing|y|fall)?|temperature|degrees|"
    r"sunny|cloudy|umbrella|humid(?:ity)?|windy|storms?|thunder|sunrise|sunset|"
    r"(?:hot|cold|warm|chilly|freezing)\s+(?:outside|today|tomorrow|tonight|this)|"
    r"how\s+(?:hot|cold|warm)|clouds?|foggy|fog|hail|heat\s*wave|"
    r"(?:is|will)\s+it\s+(?:be\s+|going\s+to\s+be\s+)?(?:warm|cold|hot|below|under|above|"
    r"over|nice|sunny|wet|dry)|"
    r"(?:wear|need|bring|take)\s+(?:a\s+|an\s+|my\s+)?(?:\w+\s+)?(?:jacket|coat|"
    r"sweatshirt|sweater|scarf|gloves|shorts|sunscreen)"
)
_TRAVEL = (
    r"traffic|directions?|navigat\w*|route|commute|gps|"
    r"how\s+(?:long|far)\s+(?:will|would|does|is|to|it)|distance|miles|kilomet\w+|"
    r"eta|get\s+there|arrive\s+at|drive\s+to|road\s+conditions?|"
    r"taxi|uber|lyft|cab|train\s+(?:times?|schedule|to|from)|bus\s+(?:times?|to|from)|"
    r"flight\s+status|(?:quickest|fastest|best|shortest)\s+(?:way|route)|"
    r"way\s+(?:home|to\s+get)|(?:train|flight|bus|rail|tube|traffic)\s+delays?|"
    r"delays?\s+(?:on|at)|accidents?|get\s+to\s+work|make\s+it\s+to|"
    r"(?:drive|ride|trip)\s+(?:between|from)|how\s+long\s+(?:till|until)\s+i\s+get|"
    r"detours?|road\s*works?|construction\s+on"
)
_MESSAGING = (
    r"(?:^|\b(?:please|now|and|also)\s+)(?:text|message|msg|sms|whatsapp|dm|"
    r"reply\s+to|respond\s+to)\s+\w+|"
    r"\b(?:send|start|write|compose|forward)\s+(?:\w+\s+){0,2}(?:a\s+|an\s+|the\s+)?"
    r"(?:new\s+)?(?:video\s+)?(?:text|message|sms|e-?mail|reply|msg|photo|pic|picture|"
    r"video)s?\b|\bsms\b|\bchats?\b|\b(?:texted|messaged|responded|replied)\b|"
    r"^(?:please\s+)?(?:ask|tell)\s+(?!me\b|you\b)(?:my\s+)?\w+\s+(?:\w+\s+)?"
    r"(?:to|if|whether|how|when|who|what|where|why|that|about)\b|"
    r"^(?:please\s+)?tell\s+(?!me\b|you\b)\w+\s*,|"
    r"^(?:please\s+)?(?:say\s+(?:hi|hello|hey|goodbye|thanks)\s+to|wish\s+\w+\s+a)\b|"
    r"\bvia\s+(?:text|message|sms|e-?mail)|"
    r"(?:text|message|e-?mail|tell|inform|notify)\s+(?!me\b)(?:my\s+)?\w+(?:\s+\w+)?\s+"
    r"(?:that|saying|to\s+say)\b|"
    r"let\s+(?!me\b)(?:my\s+)?\w+(?:\s+\w+)?\s+know|"
    r"(?:my|any|new|unread|latest|last)\s+(?:e-?mails?|messages?|texts?|inbox|mail)|"
    r"(?:check|read)\s+(?:my\s+)?(?:e-?mails?|messages?|texts?|inbox|mail)|"
    r"contacts?|phone\s+number|e-?mail\s+address|"
    r"(?:ignore|reject|decline|dismiss)\s+(?:th(?:at|is|e)\s+)?(?:text|message|call)|"
    r"e-?mails\s+(?:in|from|since|today|this)|'s\s+e-?mail|"
    r"facebook|twitter|tweet|instagram|social\s+media|linkedin"
)
_LOOKUP = (
    r"news|headlines?|define|definition|meaning\s+of|what\s+does\s+\w+\s+mean|"
    r"synonyms?|spell|translate|recipes?|how\s+(?:do\s+(?:i|you)\s+)?(?:cook|bake)|"
    r"plus|minus|times\s+\w+|divided|multipl\w+|square\s+root|percent|"
    r"sum\s+of|product\s+of|exchange\s+rates?|convert|(?:standard|daylight)\s+time|"
    r"what\s+(?:the\s+word\s+)?\w+\s+means|information\s+(?:on|about)|currenc\w+|dollars?|euros?|yen|"
    r"stocks?|shares?\s+price|share\s+price|nasdaq|dow\s+jones|"
    r"capital\s+of|population|president|prime\s+minister|"
    r"(?:who|what)\s+(?:is|was)\s+(?:a|an|the\s+(?:highest|tallest|biggest|"
    r"largest|longest|best|first))\b|"
    r"who\s+(?:invented|discovered|wrote|directed|painted|won)|"
    r"how\s+(?:tall|old|big|deep|high)\s+is|"
    r"what\s+(?:time|day|date)\s+is\s+it|what(?:'s|\s+is)\s+the\s+(?:time|date)\b|"
    r"time\s+(?:in|zone|difference)|current\s+(?:day|date|time|month|year)|"
    r"day\s+of\s+the\s+week|(?:what|which)\s+(?:day|date)\s+is\s+(?:it|today)|"
    r"today\s+is\s+(?:what|which)\s+(?:day|date)|"
    r"(?:in|around)\s+(?:my\s+|the\s+)?(?:town|city|neighbou?rhood)\b|"
    r"recommend\w*|suggest\w*|near\s+me|nearby|restaurants?|movies?|films?|"
    r"(?:order|deliver\w*)\s+(?:me\s+)?(?:some\s+|a\s+)?(?:food|pizza|takeaway|"
    r"take-?out|sushi|burgers?|chinese|indian|thai)|takeaway|take-?out|"
    r"concerts?|festivals?|parties|parades?|fairs?|(?:tv|broadway|comedy|magic|morning)\s+"
    r"shows?|performances?|tickets?|"
    r"(?:\w+\s+)?to\s+do\s+(?:in|around|near|this|tonight|today|next|or\s+see)|"
    r"things\s+to\s+do|(?:something|anything)\s+(?:\w+\s+)?to\s+do|"
    r"(?:something|anything)\s+(?:fun|good|interesting|unusual|special)|"
    r"entertainment|activities|tastings?|celebrations?|ceremon(?:y|ies)|contests?|"
    r"signings?|workshops?|exhibitions?|museums?|"
    r"events?\s+(?:in|around|near|for\s+(?:kids|children|families|adults))|"
    r"(?:kid|family|dog|pet)\s*-?\s*friendly|"
    r"(?:going\s+on|happening)\s+(?:in|at|around|near|this|next|on|tonight|today)|"
    r"scores?|wikipedia|google\s+keep|look\s+up|sales?|open\s+(?:on|until|today)|"
    r"nearest|closest|local\s+(?:shops|stores|businesses|restaurants|bars)|"
    r"shopping\s+(?:mall|cent(?:re|er))s?|"
    r"looking\s+for\s+(?:a|an)\s+(?:bar|pub|cafe|restaurant|hotel|club)|"
    r"where\s+is\s+my\s+(?:order|delivery|takeaway)|my\s+food|junk\s+food|"
    r"(?:like|liked|comment\w*\s+on)\s+my\s+(?:photo|post|picture|status)|gallery|"
    r"opening\s+hours|hours\s+(?:of|in|at)"
)
_OUT_OF_SCOPE = re.compile(
    "|".join(
        rf"\b(?:{group})\b" for group in (_DEVICE, _MEDIA, _WEATHER, _TRAVEL, _LOOKUP)
    ),
    re.I,
)
_MESSAGE_REQUEST = re.compile(_MESSAGING, re.I)
# What the note-taker keeps: a request naming one of these is for us, whatever else
# it mentions ("remind me to check the weather").
_OURS = re.compile(
    r"\b(?:remind(?:er|ers)?(?!\s+alarm)|(?<!things\s)to-?\s?dos?\b(?!\s+(?:in|around|near))|tasks?|notes?|calendar|agenda|"
    r"appointments?|meetings?|(?:this|that|my|our|next)\s+events?|schedule[ds]?|(?:shopping|grocery|to\s+do|my)\s+lists?|"
    r"lists?)\b",
    re.I,
)
# Device and messaging words that win even against our own nouns: "set an alarm for
# the meeting", "text Tom about the meeting".
_DEVICE_FIRST = re.compile(
    r"^(?:(?:please|can\s+you|could\s+you|will\s+you|i\s+(?:want|need)(?:\s+you)?\s+to"
    r"|i\s+want|i\s+need)\s+)*(?:(?:set|make|add|create|cancel|delete|remove|turn"
    r"|stop|snooze|start)\s+(?:up\s+)?(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){0,2}?|"
    r"(?:an?\s+|the\s+|my\s+)?(?:new\s+|daily\s+)?)(?:alarm|timer|wake\s+up)\b|"
    r"^(?:please\s+)?(?:text|message|whatsapp|sms)\b|"
    r"^(?:please\s+|hey\s+)?(?:play|pause|resume|skip|replay)\b|"
    r"^(?:please\s+)?time\s+(?:my|the|this|how\s+long)\b|"
    # "Tell me when it is five pm": a chime at a time, with nothing to be reminded of.
    r"^(?:please\s+)?(?:tell|let)\s+me\s+(?:know\s+)?when\s+it(?:'s|\s+is)\s+"
    rf"(?:\d\S*|(?:{CARDINAL_RE})\b)(?:\s+(?:{CARDINAL_RE})\b)?"
    r"(?:\s*(?:[ap]\.?m\.?|o'?clock))?\W*$|"
    r"^(?:please\s+)?(?:list|show|check|what\s+are|which)\b.*\balarms\b|"
    r"\bget\s+up\s+at\b|\b(?:next|previous)\s+(?:song|track)\b",
    re.I,
)
_PLAY_NON_MEDIA = re.compile(r"^(?:please\s+)?play\s+(?:tennis|football|golf)", re.I)


def is_out_of_scope(text: str, *, to_do: bool) -> bool:
    """Whether the message asks for something only another app or device does.

    `to_do` says the message is phrased as the user's own to-do ("remind me to...",
    "I need to..."), which keeps it ours whatever it mentions.
    """
    if _DEVICE_FIRST.search(text) and not _PLAY_NON_MEDIA.match(text):
        return True
    if to_do:
        return False
    if _MESSAGE_REQUEST.search(text):
        return True
    if _OURS.search(text):
        return False
    return bool(_OUT_OF_SCOPE.search(text))
