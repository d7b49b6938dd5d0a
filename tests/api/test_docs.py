"""The API reference at /docs works offline: every file it loads is served here."""

import re
from html.parser import HTMLParser


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [
            value for name, value in attrs if name in ("src", "href") and value
        ]


def _referenced_urls(page: str) -> list[str]:
    links = _Links()
    links.feed(page)
    # The spec's address is given to Swagger UI in its script, not as an attribute.
    return links.urls + re.findall(r"""\burl:\s*['"]([^'"]+)['"]""", page)


async def test_get_docs_loads_only_same_origin_files(client):
    response = await client.get("/docs")

    assert response.status_code == 200
    assert "http://" not in response.text and "https://" not in response.text
    urls = _referenced_urls(response.text)
    assert {"/openapi.json", "/docs/assets/swagger-ui-bundle.js"} <= set(urls)
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert (await client.get(url)).status_code == 200, url
