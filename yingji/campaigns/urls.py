from django.urls import path

from yingji.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/rollup.xlsx", views.rollup_xlsx, name="xlsx"),
    path("<int:pk>/form/<str:start>/", views.form_page, name="form"),
]
