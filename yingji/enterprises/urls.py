from django.urls import path

from yingji.enterprises import views

app_name = "enterprises"
urlpatterns = [path("", views.enterprise_list, name="list")]
