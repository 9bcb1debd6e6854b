"""Web forms. They only parse what the browser sends; every rule is the services' (a service's
400 comes back onto the form's fields through `add_service_errors`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from yingji.accidents.choices import AccidentCategory, AccidentDomain, AccidentKind, ReportSource
from yingji.accidents.money import parse_yuan
from yingji.core.industries import Industry
from yingji.enterprises.models import Enterprise
from yingji.regions.models import Region
from yingji.regions.scoping import Jurisdiction

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
MAX_ENTERPRISE_OPTIONS = 3000


class DateTimeLocal(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _count(label):
    return forms.IntegerField(label=label, min_value=0, max_value=1_000_000, initial=0)


class LossField(forms.DecimalField):
    """An amount in yuan as people type it: 1,250,000 or 125万 (万元) both mean 1 250 000 yuan."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values or not isinstance(value, str):
            return super().to_python(value)
        try:
            value = str(parse_yuan(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


def _loss():
    return LossField(
        label=_("Direct economic loss (yuan)"),
        min_value=0,
        max_digits=14,
        decimal_places=2,
        initial=0,
        help_text=_("In yuan, or in 万元 with 万: 1,250,000 or 125万."),
        error_messages={"invalid": _("Enter an amount in yuan, such as 1,250,000 or 125万.")},
    )


def category_choices():
    return [(code, f"{code} {label}") for code, label in AccidentCategory.choices]


def region_options(user) -> list[tuple[str, str]] | None:
    """The county and streets a user may register in, or None when the jurisdiction is too
    large to list (an administrator types the code)."""
    root = Jurisdiction.of(user).region
    if root is None:
        return None
    regions = Region.objects.filter(code__startswith=root, level__in=["county", "street"]).order_by("code")
    return [(r.code, r.name) for r in regions[:500]]


def add_service_errors(form: forms.Form, error) -> None:
    """Put a service's field errors on the form's own fields."""
    renamed = {"enterprise_id": "enterprise", "non_field_errors": None}
    for field, messages in error.errors.items():
        name = renamed.get(field, field)
        for message in messages:
            form.add_error(name if name in form.fields else None, message)


class PrefixedIds:
    """Several forms share the accident page: give each its own element ids (names stay plain)."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        if self.id_prefix:
            kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class FiguresForm(forms.Form):
    deaths = _count(_("Deaths"))
    missing = _count(_("Missing"))
    serious_injuries = _count(_("Serious injuries (incl. acute poisoning)"))
    minor_injuries = _count(_("Minor injuries"))
    direct_loss = _loss()


class AccidentForm(FiguresForm):
    """Registration; with `figures=False` the correction of an accident's own fields."""

    occurred_at = forms.DateTimeField(
        label=_("Time of the accident"), widget=DateTimeLocal, input_formats=DATETIME_FORMATS
    )
    region_code = forms.CharField(label=_("Street or county"), max_length=12)
    place = forms.CharField(label=_("Place of the accident"), max_length=200)
    enterprise = forms.CharField(
        label=_("Enterprise (name or unified social credit code)"), required=False, max_length=200
    )
    kind = forms.ChoiceField(label=_("Kind of accident"), choices=AccidentKind.choices)
    domain = forms.ChoiceField(
        label=_("Domain (production accidents)"),
        choices=[("", _("From the industry"))] + AccidentDomain.choices,
        required=False,
    )
    category = forms.ChoiceField(label=_("Accident category (GB 6441)"), choices=category_choices)
    industry = forms.ChoiceField(
        label=_("Industry"), choices=[("", _("From the enterprise"))] + Industry.choices, required=False
    )
    summary = forms.CharField(label=_("Summary of the accident"), widget=forms.Textarea(attrs={"rows": 3}))
    cause = forms.CharField(label=_("Cause"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    report_source = forms.ChoiceField(label=_("First reported by"), choices=ReportSource.choices)
    reported_at = forms.DateTimeField(
        label=_("Time of the first report"),
        widget=DateTimeLocal,
        input_formats=DATETIME_FORMATS,
        required=False,
        help_text=_("Leave empty for now."),
    )

    def __init__(self, *args, user, figures: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not figures:
            for name in FiguresForm.base_fields:
                del self.fields[name]
            self.fields["reported_at"].required = True
            self.fields["reported_at"].help_text = ""
        options = region_options(user)
        if options is not None:
            self.fields["region_code"] = forms.ChoiceField(label=_("Street or county"), choices=options)
        self.fields["enterprise"].widget.attrs["list"] = "enterprise-options"
        self.enterprise_names = Enterprise.objects.for_user(user).values_list("name", flat=True)[
            :MAX_ENTERPRISE_OPTIONS
        ]

    def clean_enterprise(self):
        value = self.cleaned_data["enterprise"].strip()
        if not value:
            return None
        enterprise = (
            Enterprise.objects.for_user(self.user).filter(uscc=value.upper()).first()
            or Enterprise.objects.for_user(self.user).filter(name=value).first()
        )
        if enterprise is None:
            raise forms.ValidationError(_("No enterprise of this name or code in your jurisdiction."))
        return enterprise.pk

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["enterprise_id"] = data.pop("enterprise")
        for optional in ("domain", "industry"):
            data[optional] = data[optional] or None
        return data


class UpdateForm(PrefixedIds, FiguresForm):
    id_prefix = "update"
    reason = forms.CharField(label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 2}))
    changed_on = forms.DateField(label=_("Date of the change"), widget=DateInput, required=False)
    reported_at = forms.DateTimeField(
        label=_("Reported at"), widget=DateTimeLocal, input_formats=DATETIME_FORMATS, required=False
    )


class StartInvestigationForm(PrefixedIds, forms.Form):
    id_prefix = "start"
    body = forms.CharField(label=_("Investigating authority"), max_length=100, required=False)
    team = forms.CharField(label=_("Investigation team"), widget=forms.Textarea(attrs={"rows": 2}))
    started_on = forms.DateField(label=_("Started on"), widget=DateInput, required=False)


class ExtendInvestigationForm(PrefixedIds, forms.Form):
    id_prefix = "extend"
    days = forms.IntegerField(label=_("Extension (days)"), min_value=1, max_value=60)
    reason = forms.CharField(label=_("Reason for the extension"), widget=forms.Textarea(attrs={"rows": 2}))


class ApproveReportForm(PrefixedIds, forms.Form):
    id_prefix = "approve"
    conclusion = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 3}))
    responsibility_findings = forms.CharField(
        label=_("Responsibility findings"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    approved_on = forms.DateField(label=_("Approved on"), widget=DateInput, required=False)


class CloseForm(PrefixedIds, forms.Form):
    id_prefix = "close"
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput, required=False)


ACTION_FORMS = {
    "start_investigation": StartInvestigationForm,
    "extend_investigation": ExtendInvestigationForm,
    "approve_report": ApproveReportForm,
    "close": CloseForm,
}


class ReportMadeForm(forms.Form):
    """已上报: when the report reached one level of the chain (one form per level)."""

    made_at = forms.DateTimeField(
        label=_("Reported at"), widget=DateTimeLocal, input_formats=DATETIME_FORMATS
    )
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, *args, level: str, **kwargs):
        kwargs.setdefault("auto_id", f"step-{level}-%s")
        super().__init__(*args, **kwargs)


class MeasureForm(PrefixedIds, forms.Form):
    id_prefix = "measure"
    description = forms.CharField(label=_("Measure"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.CharField(label=_("Responsible unit"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput, required=False)


class CompleteMeasureForm(forms.Form):
    completed_on = forms.DateField(
        label=_("Completed on"), widget=DateInput(attrs={"aria-label": _("Completed on")}), required=False
    )
    note = forms.CharField(label=_("Completion note"), required=False)


class ReportUploadForm(PrefixedIds, forms.Form):
    id_prefix = "report"
    file = forms.FileField(label=_("Investigation report (PDF, DOCX or OFD)"))
