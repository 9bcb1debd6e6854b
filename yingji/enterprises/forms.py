"""The registry form of the web pages. It only parses what the browser sends; the rules are
the services', whose errors land on the same fields (the form's names are the services')."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from yingji.core.errors import ApplicationError
from yingji.core.industries import Industry
from yingji.enterprises import selectors
from yingji.enterprises.choices import (
    EnterpriseStatus,
    MajorHazardGrade,
    RiskGrade,
    Scale,
    StandardisationGrade,
)
from yingji.enterprises.models import Enterprise
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

NONE = [("", "—")]


def _label(name: str):
    return capfirst(Enterprise._meta.get_field(name).verbose_name)


def _text(name: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=_label(name), required=False, **kwargs)


def _flag(name: str) -> forms.BooleanField:
    return forms.BooleanField(label=_label(name), required=False)


def _number_or_none(value: str):
    return int(value) if value else None


class EnterpriseForm(forms.Form):
    uscc = forms.CharField(label=_label("uscc"), max_length=40)
    name = forms.CharField(label=_label("name"), max_length=200)
    region_code = forms.CharField(label=_("Street / township"), max_length=12)
    address = _text("address", max_length=200)
    industry = forms.ChoiceField(label=_label("industry"), choices=Industry.choices)
    gbt4754_code = _text("gbt4754_code", max_length=5)
    scale = forms.ChoiceField(label=_label("scale"), choices=NONE + Scale.choices, required=False)
    employees = forms.IntegerField(label=_label("employees"), min_value=0, initial=0)
    risk_grade = forms.ChoiceField(
        label=_label("risk_grade"), choices=[("", _("Not graded"))] + RiskGrade.choices, required=False
    )
    supervising_department_id = forms.TypedChoiceField(
        label=_label("supervising_department"), coerce=int, empty_value=None, required=False
    )
    legal_representative = _text("legal_representative", max_length=50)
    phone = _text("phone", max_length=20)
    safety_manager = _text("safety_manager", max_length=50)
    safety_manager_phone = _text("safety_manager_phone", max_length=20)
    status = forms.ChoiceField(label=_label("status"), choices=EnterpriseStatus.choices)
    is_major_hazard_source = _flag("is_major_hazard_source")
    major_hazard_source_grade = forms.TypedChoiceField(
        label=_label("major_hazard_source_grade"),
        choices=NONE + MajorHazardGrade.choices,
        coerce=_number_or_none,
        empty_value=None,
        required=False,
    )
    dust_explosion = _flag("dust_explosion")
    ammonia_refrigeration = _flag("ammonia_refrigeration")
    confined_space = _flag("confined_space")
    safety_director_appointed = _flag("safety_director_appointed")
    standardisation_grade = forms.ChoiceField(
        label=_label("standardisation_grade"), choices=StandardisationGrade.choices
    )
    liability_insurance = _flag("liability_insurance")
    longitude = forms.DecimalField(label=_label("longitude"), max_digits=9, decimal_places=6, required=False)
    latitude = forms.DecimalField(label=_label("latitude"), max_digits=9, decimal_places=6, required=False)

    def __init__(self, *args, user, fields: tuple[str, ...], enterprise: Enterprise | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in set(self.fields) - set(fields):
            del self.fields[name]
        if "region_code" in self.fields:
            self._region_choices(user, enterprise)
        if "supervising_department_id" in self.fields:
            departments = selectors.departments_for(user=user)
            self.fields["supervising_department_id"].choices = NONE + [(d.pk, d.name) for d in departments]

    def _region_choices(self, user, enterprise: Enterprise | None) -> None:
        jurisdiction = Jurisdiction.of(user)
        if jurisdiction.everything:
            self.fields["region_code"].help_text = _("A 9-digit street or 12-digit community code.")
            return  # all of China: a code, not a list
        root = jurisdiction.region or "-"
        levels = ["street", "community"] if len(root) >= 9 else ["street"]
        regions = list(Region.objects.filter(code__startswith=root, level__in=levels).order_by("code"))
        if enterprise and enterprise.region_id not in {r.code for r in regions}:
            regions.append(enterprise.region)
        self.fields["region_code"] = forms.ChoiceField(
            label=self.fields["region_code"].label,
            choices=NONE + [(r.code, f"{r.name} ({r.code})") for r in regions],
        )

    def add_service_errors(self, error: ApplicationError) -> None:
        for field, messages in error.errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))


def initial_for(enterprise: Enterprise) -> dict:
    values = {
        name: getattr(enterprise, name) for name in EnterpriseForm.base_fields if hasattr(enterprise, name)
    }
    return values | {"region_code": enterprise.region_id}
