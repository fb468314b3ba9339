"""The desk's own pages: start a look-up, end it."""

from django.urls import path

from balie import views

app_name = "balie"
urlpatterns = [
    path("", views.lookup_new, name="start"),
    path("einde/", views.lookup_end, name="end"),
]
