"""One machine, plain HTTP on localhost: the embedded default that `yingji` and `make demo` use."""

from yingji.settings.base import *  # noqa: F403
