"""Models with nothing for an input to hold."""

from django.db import models


class Marker(models.Model):
    """No fields at all: createMarker takes no input, and there is no updateMarker."""


class Target(models.Model):
    name = models.CharField(max_length=50, unique=True)


class Pointer(models.Model):
    # Its only field is its primary key, which an update does not change: no updatePointer.
    other = models.OneToOneField(Target, models.CASCADE, primary_key=True)
