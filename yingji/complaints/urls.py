from django.urls import path

from yingji.complaints import public_views, views

app_name = "complaints"
urlpatterns = [
    path("", views.complaint_list, name="list"),
    path("export/", views.complaint_export, name="export"),
    path("new/", views.complaint_create, name="create"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/actions/<str:action>/", views.complaint_act, name="act"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.attachment_file, name="attachment"),
    # The public's pages, without a login.
    path("report/", public_views.report, name="report"),
    path("report/receipt/", public_views.receipt, name="receipt"),
    path("captcha/<str:key>/", public_views.captcha_image, name="captcha"),
    path("lookup/", public_views.lookup, name="lookup"),
]
