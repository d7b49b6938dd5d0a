import hashlib


def digest(*parts: str) -> str:
    """A stable key for the parts: the same in every process and on every run.

    Each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    """
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode()
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()
