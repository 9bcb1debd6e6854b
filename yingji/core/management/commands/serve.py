import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from gunicorn.app.base import BaseApplication


class YingjiServer(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Imported here, after collectstatic: WhiteNoise indexes the static files when the
        # application is built.
        from yingji.wsgi import application

        return application


def _stop_with_parent() -> None:
    # In the worker child: if `yingji serve` dies without cleaning up (kill -9), the worker stops too.
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Command(BaseCommand):
    help = (
        "Serve Yingji with gunicorn, a production WSGI server (static files through WhiteNoise), "
        "and the background worker beside it (unless --no-worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("YINGJI_WORKERS", "3")))
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="static files are collected already"
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="don't start `yingji worker` beside the web server (production runs it as its own service)",
        )

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.", returncode=2)
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Yingji serving on http://{options['bind']}/ (Ctrl-C stops)")
        server = YingjiServer(
            {
                "bind": options["bind"],
                "workers": options["workers"],
                "timeout": options["timeout"],
                "accesslog": "-",
                "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            }
        )
        if options["no_worker"]:
            server.run()
            return
        worker = self.start_worker()
        serving_pid = os.getpid()
        try:
            server.run()
        finally:
            # gunicorn's forked web workers leave through here too: only the server stops the worker.
            if os.getpid() == serving_pid:
                self.stop_worker(worker)

    def worker_command(self) -> list[str]:
        return [sys.executable, "-m", "yingji.cli", "worker"]

    def start_worker(self) -> subprocess.Popen:
        self.stdout.write("Background worker started beside the web server (--no-worker to leave it out)")
        return subprocess.Popen(self.worker_command(), preexec_fn=_stop_with_parent)  # noqa: S603

    def stop_worker(self, worker: subprocess.Popen) -> None:
        if worker.poll() is not None:
            return
        worker.terminate()  # the worker finishes its current task first
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
