from django.urls import path

from yingji.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="detail"),
    path("password/", views.PasswordChangeView.as_view(), name="password"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("tokens/revoke/", views.tokens_revoke_all, name="tokens-revoke-all"),
]
