from django.urls import include, path

from yingji.api import api

urlpatterns = [
    path("", include("yingji.web.urls")),
    path("enterprises/", include("yingji.enterprises.urls")),
    path("audit/", include("yingji.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
