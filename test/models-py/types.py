"""Every field type and option of a value the playground serves, one model per concern."""

import uuid
from datetime import date

from django.db import models
from django.utils import timezone

SIZES = [
    ("S", "Small"),
    ("M", "Medium"),
    ("in-between", "In between"),
]


class Priority(models.IntegerChoices):
    LOW = 1, "Low"
    HIGH = 2


class Measure(models.Model):
    count = models.IntegerField(null=True)
    small = models.SmallIntegerField(null=True)
    big = models.BigIntegerField(null=True)
    positive = models.PositiveIntegerField(null=True)
    positive_small = models.PositiveSmallIntegerField(null=True)
    positive_big = models.PositiveBigIntegerField(null=True)
    ratio = models.FloatField(null=True)
    price = models.DecimalField(max_digits=6, decimal_places=2, null=True, help_text="In euros.")
    done = models.BooleanField(null=True)


class Moment(models.Model):
    day = models.DateField(null=True)
    at = models.DateTimeField(null=True)
    clock = models.TimeField(null=True)
    took = models.DurationField(null=True)
    ref = models.UUIDField(null=True, unique=True)


class Ticket(models.Model):
    title = models.CharField(max_length=20)
    note = models.TextField(blank=True)
    size = models.CharField(max_length=10, choices=SIZES, default="M")
    priority = models.IntegerField(choices=Priority.choices, null=True)
    copies = models.PositiveSmallIntegerField(default=1)
    cost = models.DecimalField(max_digits=5, decimal_places=2, default="0.50")
    opened_on = models.DateField(default=date.today)
    opened_at = models.DateTimeField(default=timezone.now)
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    code = models.SlugField(editable=False)
