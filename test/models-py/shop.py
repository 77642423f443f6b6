"""A small shop: every field type and option the playground reads."""

import datetime
import uuid
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SIZES = [
    ("S", "Small"),
    ("M", "Medium"),
    ("L", "Large"),
]


class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created"]


class Shop(Stamped):
    """Ordered like its base, by its creation, newest first."""

    id = models.BigAutoField(primary_key=True)
    name = models.CharField(_("shop name"), max_length=80, unique=True, help_text="What the sign says.")
    slug = models.SlugField()
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=300, null=True, blank=True)
    description = models.TextField(blank=True, default="")
    opens_at = models.TimeField(default="09:00:00")
    delivery_time = models.DurationField(null=True)
    founded = models.DateField(default=date.today)
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.name.upper()

    def save(self, *args, **kwargs):
        self.slug = self.name.lower()
        super().save(*args, **kwargs)


class Item(models.Model):
    SIZE_CHOICES = SIZES
    COLOURS = (
        ("Warm", (("red", "Red"), ("orange", "Orange"))),
        ("Cold", (("blue", "Blue"),)),
    )

    class Status(models.IntegerChoices):
        DRAFT = 0
        ON_SALE = 1, _("On sale")
        SOLD_OUT = 2, "Sold out"

    code = models.SmallAutoField(primary_key=True)
    title = models.CharField("title", max_length=120, db_index=True)
    size = models.CharField(max_length=1, choices=SIZE_CHOICES, default="M")
    colour = models.CharField(max_length=10, choices=COLOURS, blank=True)
    status = models.IntegerField(choices=Status.choices, default=Status.ON_SALE)
    stock = models.PositiveIntegerField(default=0)
    shelf = models.PositiveSmallIntegerField(null=True)
    weight_grams = models.SmallIntegerField(default=-1)
    views = models.BigIntegerField(default=12_345_678_901)
    sold = models.PositiveBigIntegerField(default=0x10)
    rating = models.FloatField(default=4.5)
    price = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("9.99"))
    discount = models.DecimalField(max_digits=4, decimal_places=2, null=True, default=None)
    in_stock = models.BooleanField(default=True)
    listed_at = models.DateTimeField(default=timezone.now)
    checked_at = models.DateTimeField(default=datetime.datetime.now)
    shop = models.ForeignKey(Shop, models.CASCADE, related_name="items")

    class Meta:
        db_table = "shop_item"
        ordering = ["shop__name", "-price", "pk"]
        unique_together = [("shop", "title")]
        constraints = [models.UniqueConstraint(fields=["shop", "size", "colour"], name="one_per_variant")]
        indexes = [models.Index(fields=["title"])]
        verbose_name = "article"
        verbose_name_plural = "stock items"
        app_label = "shop"

    def delete(self, *args, **kwargs):
        raise RuntimeError("items are archived, not deleted")
