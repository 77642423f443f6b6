"""A small shop served by the playground in place of the built-in models."""

from django.db import models


class Shelf(models.Model):
    label = models.SlugField(unique=True)
    floor = models.IntegerField(null=True)

    class Meta:
        verbose_name_plural = "shelving units"


class Writer(models.Model):
    name = models.CharField(max_length=100)
    bio = models.TextField(null=True)


class Volume(models.Model):
    title = models.CharField(max_length=200, help_text="As printed on the cover.")
    published_on = models.DateField(null=True)
    pages = models.SmallIntegerField()
    in_print = models.BooleanField()
    price = models.FloatField(null=True)
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE, related_name="volumes")
    writers = models.ManyToManyField(Writer, related_name="works")

    def __str__(self):
        return self.title
