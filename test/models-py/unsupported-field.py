from django.db import models


class Event(models.Model):
    name = models.CharField(max_length=100)
    # The playground has no JSON scalar yet.
    payload = models.JSONField(default=dict)
