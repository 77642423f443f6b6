from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


# Relay's interface is called Node too.
class Node(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
