from django.urls import path

from yingji.emergency import views

app_name = "emergency"
urlpatterns = [
    path("", views.overview, name="list"),
    path("events/", views.event_list, name="events"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("responses/", views.response_list, name="responses"),
    path("responses/<int:pk>/", views.response_detail, name="response"),
    path("evacuations/", views.evacuation_list, name="evacuations"),
    path("evacuations/<int:pk>/return/", views.evacuation_return, name="evacuation_return"),
    path("special-groups/", views.special_list, name="special"),
    path("special-groups/export/", views.special_export, name="special_export"),
    path("special-groups/<int:pk>/reveal/", views.special_reveal, name="special_reveal"),
    path("shelters/", views.shelter_list, name="shelters"),
]
