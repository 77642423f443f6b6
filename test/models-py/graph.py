"""Every relation option the playground serves, each on a model of its own."""

from django.db import models


class Named(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        abstract = True


class Folder(models.Model):
    name = models.CharField(max_length=50)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, related_name="children")


class Place(models.Model):
    name = models.CharField(max_length=50, unique=True)


class Restaurant(models.Model):
    place = models.OneToOneField(Place, on_delete=models.CASCADE, primary_key=True)
    rating = models.IntegerField(null=True)


class Waiter(Named):
    code = models.BigAutoField(primary_key=True)
    restaurant = models.ForeignKey(Restaurant, on_delete=models.CASCADE, related_name="waiters")
    workplace = models.ForeignKey(Place, on_delete=models.RESTRICT, to_field="name", related_name="staff")


class Badge(models.Model):
    number = models.IntegerField()
    waiter = models.OneToOneField(Waiter, on_delete=models.SET_NULL, null=True)


class Review(models.Model):
    text = models.CharField(max_length=100)
    restaurant = models.ForeignKey(Restaurant, on_delete=models.DO_NOTHING)


class Boat(Named):
    harbour = models.ForeignKey(Place, on_delete=models.SET_DEFAULT, default=1, related_name="boats")


class Person(Named):
    friends = models.ManyToManyField("self")
    follows = models.ManyToManyField("self", symmetrical=False, related_name="followers")


class Club(Named):
    number = models.SmallAutoField(primary_key=True)
    members = models.ManyToManyField(Person, through="Membership", related_name="clubs")


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    club = models.ForeignKey(Club, on_delete=models.CASCADE)
    joined = models.DateField()


class Team(Named):
    id = models.AutoField(primary_key=True)
    players = models.ManyToManyField(
        Person, through="Roster", through_fields=("team", "player"), related_name="teams"
    )


class Roster(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE)
    player = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="rosters")
    coach = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="coached")
    note = models.CharField(max_length=50, null=True)
    # What add() gives the rows it makes: each field's default, and the time for auto_now_add.
    role = models.CharField(max_length=20, default="player")
    added = models.DateTimeField(auto_now_add=True)


class Employee(Named):
    reports = models.ManyToManyField(
        "self", through="Reporting", through_fields=("manager", "report"), symmetrical=False, related_name="managers"
    )


class Reporting(models.Model):
    report = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="manager_links")
    manager = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="report_links")
