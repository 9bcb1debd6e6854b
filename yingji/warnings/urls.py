from django.urls import path

from yingji.warnings import views

app_name = "warnings"
urlpatterns = [
    path("", views.warning_list, name="list"),
    path("<int:pk>/", views.warning_detail, name="detail"),
    path("<int:pk>/<str:action>/", views.warning_act, name="act"),
    path("contacts/", views.contact_list, name="contacts"),
    path("ack/<str:token>/", views.acknowledge_link, name="ack"),
]
