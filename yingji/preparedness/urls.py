from django.urls import path

from yingji.preparedness import views

app_name = "preparedness"
urlpatterns = [
    path("", views.team_list, name="list"),
    path("new/", views.team_create, name="create"),
    path("import/", views.team_import_page, name="import"),
    path("teams/<int:pk>/", views.team_detail, name="team"),
    path("experts/", views.expert_list, name="experts"),
    path("experts/new/", views.expert_create, name="expert_create"),
    path("experts/<int:pk>/", views.expert_detail, name="expert"),
    path("coverage/", views.coverage, name="coverage"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("drills/", views.drill_list, name="drills"),
    path("drills/new/", views.drill_create, name="drill_create"),
    path("drills/<int:pk>/", views.drill_detail, name="drill"),
]
