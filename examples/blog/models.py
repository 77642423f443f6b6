"""A small blog, served by the playground in place of its built-in models:

    MODELS=examples/blog/models.py FIXTURES=examples/blog/fixtures.json npm start
"""

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]


class Post(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="posts")
    title = models.CharField(max_length=200)
    slug = models.SlugField(help_text="The post's address, unique per author.")
    body = models.TextField()
    published_on = models.DateField(null=True)
    draft = models.BooleanField()
    tags = models.ManyToManyField(Tag, related_name="posts")

    class Meta:
        ordering = ["-published_on", "title"]
        unique_together = [("author", "slug")]

    def __str__(self):
        return self.title


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=80)
    text = models.TextField()
    likes = models.IntegerField()

    class Meta:
        ordering = ["-likes"]
