from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def hazard_list(request):
    return render(request, "hazards/list.html", {})
