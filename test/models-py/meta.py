"""A news-stand whose lists are ordered by Meta.ordering and whose rows are unique together."""

from django.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        ordering = ["-name"]


class Magazine(models.Model):
    title = models.CharField(max_length=50)
    issues = models.IntegerField()
    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE, null=True, related_name="magazines")
    readers = models.ManyToManyField("Reader", related_name="subscriptions")

    class Meta:
        ordering = ["publisher__name", "-issues"]
        unique_together = [("publisher", "title")]


class Issue(models.Model):
    magazine = models.ForeignKey(Magazine, on_delete=models.CASCADE)
    number = models.IntegerField("issue number")
    headline = models.CharField(max_length=80)

    class Meta:
        ordering = ["magazine__publisher__name", "number"]
        constraints = [models.UniqueConstraint(fields=["magazine", "number"], name="one_issue_per_number")]


class Reader(models.Model):
    name = models.CharField(max_length=50)


class Stand(models.Model):
    """Ordered by its magazine, so by Magazine's Meta.ordering, reversed."""

    magazine = models.ForeignKey(Magazine, on_delete=models.CASCADE)

    class Meta:
        ordering = ["-magazine"]
