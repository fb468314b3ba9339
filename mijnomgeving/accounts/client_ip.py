"""The visitor's IP address behind the municipality's proxies (django-axes keys lockouts on it)."""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_ip_address(request: HttpRequest) -> str | None:
    """The address TRUSTED_PROXY_COUNT proxies say the request came from (AXES_CLIENT_IP_CALLABLE).

    Each proxy appends the address it was connected from to X-Forwarded-For, so with N
    trusted proxies the visitor is the N-th entry from the right; entries left of it are
    whatever the visitor sent, and are never trusted. With 0 proxies, when the header has
    fewer entries than there are proxies (the request did not pass all of them), or when
    that entry is no IP address, it is REMOTE_ADDR: the address that connected to this server.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote_addr
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        logger.warning("X-Forwarded-For holds no IP address where the proxy puts it")
        return remote_addr
