import os

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


class Command(BaseCommand):
    help = "Serve Yingji with gunicorn, a production WSGI server (static files through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("YINGJI_WORKERS", "3")))
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="static files are collected already"
        )

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.", returncode=2)
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Yingji serving on http://{options['bind']}/ (Ctrl-C stops)")
        YingjiServer(
            {
                "bind": options["bind"],
                "workers": options["workers"],
                "timeout": options["timeout"],
                "accesslog": "-",
                "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            }
        ).run()
