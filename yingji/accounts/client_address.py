"""The client's own address behind the reverse proxies the deployment trusts.

Behind nginx every request comes from 127.0.0.1; the client is in X-Forwarded-For, which nginx
extends on the right with the address it saw. Anyone can send that header, so it counts only
when the request comes from a proxy listed in FORWARDED_ALLOW_IPS (gunicorn's setting, read
from the same variable), and then the right-most address that is not itself a trusted proxy is
the client: everything to its left was written by the client and proves nothing.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(allow: tuple[str, ...]) -> tuple[list, bool]:
    """The trusted networks, and whether "*" (every peer) is allowed."""
    networks = [ipaddress.ip_network(entry, strict=False) for entry in allow if entry != "*"]
    return networks, "*" in allow


def _ip(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address.version == n.version and address in n for n in networks)


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or ""
    networks, everyone = _networks(tuple(settings.FORWARDED_ALLOW_IPS))
    peer = _ip(remote)
    # An empty peer is a UNIX socket: only a local proxy can reach it, and gunicorn trusts it too.
    if remote and not everyone and (peer is None or not _trusted(peer, networks)):
        return remote or None
    chain = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    for entry in reversed(chain):
        address = _ip(entry)
        if address is None:  # garbage in the part trusted proxies wrote: not a client address
            break
        # With "*" any peer may be a proxy, so no hop but the last can be told from a client.
        if everyone or not _trusted(address, networks):
            return str(address)
    return remote or None
