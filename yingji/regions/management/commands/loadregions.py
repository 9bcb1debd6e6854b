from django.core.management.base import BaseCommand

from yingji.regions.loader import load_regions
from yingji.regions.models import Region


class Command(BaseCommand):
    help = "Load (or refresh the names of) the shipped province, city, county and street codes."

    def handle(self, *args, **options):
        count = load_regions(Region)
        self.stdout.write(self.style.SUCCESS(f"{count} regions loaded."))
