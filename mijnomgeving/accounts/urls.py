"""Login, logout and session URLs."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login, name="login"),
]
