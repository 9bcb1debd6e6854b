from django.urls import path

from yingji.notices import views

app_name = "notices"
urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>.docx", views.notice_docx, name="docx"),
]
