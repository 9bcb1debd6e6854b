class Channel:
    """Send one notification to its user, or raise: never swallow a failure."""

    name = ""

    def send(self, notification) -> None:
        raise NotImplementedError


class NoAddress(Exception):
    """The user has no address for this channel (yet): retried, an address may be added."""
