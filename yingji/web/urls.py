from django.contrib.auth import views as auth_views
from django.urls import include, path

from yingji.accounts.views_two_factor import SignInView, sign_in_code
from yingji.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("todo/", views.todo, name="todo"),
    path("dashboard/screen/", views.screen, name="screen"),
    path("dashboard/geo/<str:code>/", views.geo, name="dashboard-geo"),
    path("login/", SignInView.as_view(), name="login"),
    path("login/code/", sign_in_code, name="login-code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("yingji.accounts.urls")),
]
