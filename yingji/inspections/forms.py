"""The inspection form: the header fields are a Django form; the checklist is one row per item
(outcome, note and, when failed, the hazard it proposes), read from the posted fields
`outcome-<item>`, `note-<item>` and `hazard-<item>-<field>`, plus a few free hazard drafts
`extra-<n>-<field>` for what the checklist does not cover."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.campaigns import tagging
from yingji.hazards.choices import HazardLevel
from yingji.inspections import permissions, selectors, services
from yingji.inspections.choices import Outcome

# The deadline a proposed hazard starts with, in days from today; the inspector may change it.
DEADLINE_DAYS = {HazardLevel.GENERAL: 15, HazardLevel.MAJOR: 60}
EXTRA_DRAFTS = 3
DRAFT_INPUTS = ("description", "location", "level", "deadline", "downgrade_reason")


class InspectorChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user) -> str:
        org = user.organisation.name if user.organisation_id else ""
        return f"{user} · {org}" if org else str(user)


class InspectionForm(forms.Form):
    type = forms.ChoiceField(label=gettext_lazy("Inspection type"))
    inspected_on = forms.DateField(
        label=gettext_lazy("Inspection date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    inspectors = InspectorChoices(
        queryset=None,
        required=False,
        label=gettext_lazy("Inspected by"),
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes"), required=False, max_length=5000, widget=forms.Textarea
    )
    campaign = forms.ChoiceField(label=gettext_lazy("Special campaign"), required=False)

    def __init__(self, *args, user, enterprise, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.enterprise, self.template = user, enterprise, template
        self.fields["type"].choices = permissions.types_for(user)
        kind = self.data.get("type") or self.fields["type"].choices[0][0]
        self.fields["inspectors"].queryset = selectors.inspector_choices(
            user=user, enterprise=enterprise, type=kind
        )
        self.initial.setdefault("type", kind)
        self.initial.setdefault("inspected_on", timezone.localdate())
        self.initial.setdefault("inspectors", [user.pk])
        self.fields["campaign"].choices = tagging.form_choices(user, timezone.localdate())
        items = [item for item in template.items.all() if item.active] if template else []
        self.rows = [self._row(item) for item in items]
        self.extras = [self._extra(n) for n in range(1, EXTRA_DRAFTS + 1)]
        self.other_errors: list[str] = []
        self.photo_errors: list[str] = []

    # The checklist rows, as posted or as first proposed.

    def _row(self, item) -> dict:
        proposal = services.hazard_proposal(item)
        prefix = f"hazard-{item.pk}-"
        if self.is_bound:
            draft = {name: self.data.get(prefix + name, "").strip() for name in DRAFT_INPUTS}
        else:
            level = proposal["level"]
            deadline = timezone.localdate() + datetime.timedelta(days=DEADLINE_DAYS[level])
            draft = {"description": proposal["description"], "location": "", "level": level,
                     "deadline": deadline.isoformat(), "downgrade_reason": ""}  # fmt: skip
        return {
            "item": item,
            "prefix": prefix,
            "outcome": self.data.get(f"outcome-{item.pk}", "") if self.is_bound else "",
            "note": self.data.get(f"note-{item.pk}", "").strip() if self.is_bound else "",
            "draft": draft,
            "errors": [],
        }

    def _extra(self, n: int) -> dict:
        prefix = f"extra-{n}-"
        draft = (
            {name: self.data.get(prefix + name, "").strip() for name in DRAFT_INPUTS} if self.is_bound else {}
        )
        draft.setdefault("level", HazardLevel.GENERAL)
        return {"n": n, "prefix": prefix, "draft": draft, "errors": []}

    def clean(self):
        cleaned = super().clean()
        self.results, self.result_rows, self.drafts, self.draft_rows = [], [], [], []
        for row in self.rows:
            if row["outcome"] not in Outcome.values:
                if row["outcome"]:
                    row["errors"].append(_("Choose pass, fail or not applicable."))
                continue
            self.results.append({"item_id": row["item"].pk, "outcome": row["outcome"], "note": row["note"]})
            self.result_rows.append(row)
            if row["outcome"] == Outcome.FAIL and row["draft"]["description"]:
                self._add_draft(row, row["item"].pk)
        for extra in self.extras:
            if extra["draft"].get("description"):
                self._add_draft(extra, None)
        if any(row["errors"] for row in self.rows + self.extras):
            raise forms.ValidationError(_("Some checklist answers need attention."))
        return cleaned

    def _add_draft(self, row: dict, item_id: int | None) -> None:
        draft = dict(row["draft"])
        if draft.get("deadline"):
            deadline = _date(draft["deadline"])
            if deadline is None:
                row["errors"].append(_("Enter the deadline as a date."))
                return
            draft["deadline"] = deadline
        else:
            draft["deadline"] = None
        draft["level"] = draft.get("level") or None
        self.drafts.append({"item_id": item_id, **draft})
        self.draft_rows.append(row)

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """Show the service's errors beside the fields and items they concern."""
        for key, messages in errors.items():
            head, _dot, rest = key.partition(".")
            index = rest.split(".")[0]
            if head in ("results", "hazards") and index.isdigit():
                rows = self.result_rows if head == "results" else self.draft_rows
                target = rows[int(index)]["errors"] if int(index) < len(rows) else self.other_errors
                target.extend(messages)
            elif key in ("inspected_on", "type", "notes"):
                for message in messages:
                    self.add_error(key, message)
            elif key == tagging.FIELD:
                for message in messages:
                    self.add_error("campaign", message)
            elif key == "inspector_ids":
                for message in messages:
                    self.add_error("inspectors", message)
            elif key == "photos":
                self.photo_errors.extend(messages)
            else:
                self.other_errors.extend(messages)

    @property
    def row_errors(self) -> list[tuple[str, str]]:
        """(where, message) of every problem shown at a checklist item or hazard draft."""
        found = [(row["item"].code, e) for row in self.rows for e in row["errors"]]
        return found + [
            (_("Hazard %(n)s") % {"n": extra["n"]}, e) for extra in self.extras for e in extra["errors"]
        ]

    def record(self, photos):
        return services.inspection_record(
            actor=self.user,
            enterprise=self.enterprise,
            inspected_on=self.cleaned_data["inspected_on"],
            type=self.cleaned_data["type"],
            inspectors=list(self.cleaned_data["inspectors"]),
            notes=self.cleaned_data["notes"],
            template=self.template,
            results=self.results,
            hazards=self.drafts,
            photos=photos,
            campaign_ids=tagging.from_form(self.cleaned_data["campaign"]),
        )


def _date(value: str) -> datetime.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None
