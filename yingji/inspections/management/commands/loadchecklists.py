from django.core.management.base import BaseCommand

from yingji.inspections.checklists import load_checklists
from yingji.inspections.models import ChecklistItem, ChecklistTemplate


class Command(BaseCommand):
    help = "Load (or update) the shipped checklists; items no longer shipped are kept but made inactive."

    def handle(self, *args, **options):
        templates, items = load_checklists(ChecklistTemplate, ChecklistItem)
        self.stdout.write(self.style.SUCCESS(f"{templates} checklists with {items} items loaded."))
