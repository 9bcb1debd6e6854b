from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from yingji.web.landing import landing_context


@login_required
def home(request):
    return render(request, "web/home.html", landing_context(request.user))
