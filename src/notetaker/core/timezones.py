"""Which timezone names a user may choose: those of the IANA database.

The list comes from the tzdata package, not from the operating system, whose
zoneinfo folder also holds files that are no region's time ("localtime" is the
server's own zone, "posixrules" a template). "Factory" is in the database but
means "no zone set". Old names that IANA keeps as links ("Asia/Calcutta",
"US/Eastern") stay accepted: some browsers still report them.
"""

from functools import cache
from importlib.resources import files

_NOT_A_REGION = frozenset({"Factory"})


@cache
def iana_zone_names() -> frozenset[str]:
    listed = files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return frozenset(listed) - _NOT_A_REGION


def check_timezone(name: str) -> str:
    """The name if it is an IANA zone a user may live in; ValueError otherwise."""
    if name not in iana_zone_names():
        raise ValueError(
            f"unknown timezone {name!r}; use an IANA name such as Europe/Lisbon"
        )
    return name
