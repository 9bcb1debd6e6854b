from django.urls import path

from yingji.accounts import views, views_two_factor, views_users

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="detail"),
    path("password/", views.PasswordChangeView.as_view(), name="password"),
    path("two-factor/", views_two_factor.enrol, name="two-factor"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("tokens/revoke/", views.tokens_revoke_all, name="tokens-revoke-all"),
    path("users/", views_users.user_list, name="users"),
    path("users/add/", views_users.user_add, name="user-add"),
    path("users/<int:pk>/", views_users.user_detail, name="user"),
    path("users/<int:pk>/active/", views_users.user_active, name="user-active"),
    path("users/<int:pk>/password/", views_users.user_password, name="user-password"),
    path("users/<int:pk>/role/", views_users.user_role, name="user-role"),
    path("users/<int:pk>/two-factor/", views_users.user_two_factor, name="user-two-factor"),
]
