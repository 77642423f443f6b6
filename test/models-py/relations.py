from django.db import models
from django.db.models import CASCADE, ForeignKey, Model


class Place(models.Model):
    name = models.CharField(max_length=50, unique=True)


class Restaurant(models.Model):
    place = models.OneToOneField(Place, on_delete=models.CASCADE, primary_key=True)
    serves_pizza = models.BooleanField(default=False)


class Waiter(Model):
    restaurant = ForeignKey(Restaurant, CASCADE)
    mentor = ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="mentees")
    workplace = ForeignKey("relations.Place", on_delete=models.PROTECT, to_field="name")


class Owned(models.Model):
    owner = models.ForeignKey("Person", models.RESTRICT, related_name="owned_%(class)ss")

    class Meta:
        abstract = True


class Person(models.Model):
    name = models.CharField(max_length=50)
    friends = models.ManyToManyField("self")
    follows = models.ManyToManyField("self", symmetrical=False, related_name="followers")
    favourite = models.ForeignKey(Restaurant, on_delete=models.DO_NOTHING, null=True, related_name="fans")


class Car(Owned):
    plate = models.CharField(max_length=10)


class Boat(Owned):
    name = models.CharField(max_length=30)
    harbour = models.ForeignKey(Place, on_delete=models.SET_DEFAULT, default=1, related_name="boats")


class Group(models.Model):
    name = models.CharField(max_length=50)
    members = models.ManyToManyField(
        Person, through="Membership", through_fields=("group", "person"), related_name="memberships"
    )
    guests = models.ManyToManyField(Person, db_table="group_guest_list", related_name="visited_groups")


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    group = models.ForeignKey(Group, on_delete=models.CASCADE)
    invited_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="invitations")
    joined = models.DateField()

    class Meta:
        unique_together = ("person", "group")


class Employee(models.Model):
    name = models.CharField(max_length=50)
    reports = models.ManyToManyField(
        "self",
        through="Reporting",
        through_fields=("manager", "report"),
        symmetrical=False,
        related_name="managers",
    )


class Reporting(models.Model):
    report = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="manager_links")
    manager = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="report_links")
