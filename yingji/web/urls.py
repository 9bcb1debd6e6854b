from django.contrib.auth import views as auth_views
from django.urls import include, path

from yingji.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("todo/", views.todo, name="todo"),
    path("dashboard/screen/", views.screen, name="screen"),
    path("dashboard/geo/<str:code>/", views.geo, name="dashboard-geo"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("yingji.accounts.urls")),
]
